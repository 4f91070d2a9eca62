import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { type GridLevel, gridLevels } from '@gridline/contracts';
import { cutoffTimePattern } from '../../domain/cutoff';
import { DEFAULT_TIME_ZONE } from '../../domain/zero-report-policy';
import type { ZeroReportPolicyToSet } from './set-zero-report-policy.command';

export class SetZeroReportPolicyDto implements ZeroReportPolicyToSet {
  @ApiProperty({
    example: '18:00',
    pattern: cutoffTimePattern.source,
    description: "Local time (24 h, HH:mm) at which the day's check-ins close.",
  })
  @Matches(cutoffTimePattern, { message: 'cutoff must be a 24-hour time HH:mm, e.g. 18:00' })
  cutoff: string;

  @ApiPropertyOptional({
    example: DEFAULT_TIME_ZONE,
    default: DEFAULT_TIME_ZONE,
    description: 'IANA time zone of the cut-off and of "today".',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  timeZone?: string;

  @ApiPropertyOptional({
    enum: gridLevels,
    isArray: true,
    example: ['micro'],
    description: 'Grid levels that must check in daily; default all.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'levels must name at least one level (to stop the zero-report, send enabled=false)' })
  @ArrayUnique({ message: 'levels must not repeat a level' })
  @IsIn(gridLevels, { each: true, message: `each of levels must be one of ${gridLevels.join(', ')}` })
  levels?: GridLevel[];

  @ApiProperty({
    example: true,
    description: 'false: no cut-off runs and nothing is flagged missed; check-ins are still taken.',
  })
  @IsBoolean()
  enabled: boolean;
}
