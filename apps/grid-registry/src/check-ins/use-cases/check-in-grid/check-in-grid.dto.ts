import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../../http/trim';
import { IsCalendarDate } from '@gridline/platform';
import type { CheckInMatter, CheckInReporter, GridCheckIn } from './check-in-grid.command';

export class MatterDto implements CheckInMatter {
  @ApiPropertyOptional({
    example: '环境卫生',
    maxLength: 40,
    description: 'Free-text category, e.g. 环境卫生, 安全隐患, 邻里纠纷.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 40)
  category?: string;

  @ApiProperty({ example: '3号楼楼道堆放杂物，已提醒住户清理', minLength: 1, maxLength: 500 })
  @Trim()
  @IsString()
  @Length(1, 500)
  description: string;
}

/** Who made the check-in: a member of the district, or a name (at least one of the two). */
export class ReporterDto implements CheckInReporter {
  @ApiPropertyOptional({ format: 'uuid', description: 'A member of this district (e.g. the grid leader).' })
  @ValidateIf((reporter: ReporterDto) => reporter.memberId !== undefined || reporter.name === undefined)
  @IsUUID('all', { message: 'memberId must be a UUID (give reportedBy.memberId or reportedBy.name)' })
  memberId?: string;

  @ApiPropertyOptional({ example: '刘鸣', minLength: 1, maxLength: 60 })
  @ValidateIf((reporter: ReporterDto) => reporter.name !== undefined || reporter.memberId === undefined)
  @Trim()
  @IsString({ message: 'name must be a string (give reportedBy.memberId or reportedBy.name)' })
  @Length(1, 60)
  name?: string;
}

export class CheckInGridDto implements GridCheckIn {
  @ApiPropertyOptional({
    example: '2025-06-30',
    description: "Default: today in the district's time zone. Only today is accepted.",
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiProperty({ example: true, description: 'true: 零上报, nothing seen today; false: list the matters seen.' })
  @IsBoolean()
  nothingToReport: boolean;

  @ApiPropertyOptional({
    type: [MatterDto],
    maxItems: 50,
    description: 'Required (non-empty) when nothingToReport=false; not allowed when true.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MatterDto)
  matters?: MatterDto[];

  @ApiProperty({ type: ReporterDto })
  @IsDefined({ message: 'reportedBy is required: { memberId } or { name }' })
  @ValidateNested()
  @Type(() => ReporterDto)
  reportedBy: ReporterDto;
}
