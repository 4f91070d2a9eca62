import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { HoursCorrection } from './correct-hours.command';

export class CorrectHoursDto implements HoursCorrection {
  @ApiProperty()
  @IsUUID('all', { message: 'volunteerId must be a UUID' })
  volunteerId: string;

  @ApiProperty({
    example: -0.5,
    description: 'Signed hours to add (whole minutes); may not take the total below zero.',
  })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(-1000)
  @Max(1000)
  hours: number;

  @ApiProperty({ example: '签到时间记录错误' })
  @IsString()
  @Length(3, 500)
  reason: string;

  @ApiPropertyOptional({
    description: 'The entry this corrects; the correction then counts for its grid, team and date.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'correctsEntryId must be a UUID' })
  correctsEntryId?: string;
}
