import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate, NotAfter } from '@gridline/platform';

export const MAX_HISTORY_DAYS = 366;
export const DEFAULT_HISTORY_DAYS = 30;

export class CheckInHistoryQuery {
  @ApiPropertyOptional({
    example: '2025-06-01',
    description: `First day (inclusive), not after \`to\`. Default: ${DEFAULT_HISTORY_DAYS - 1} days before \`to\`.`,
  })
  @IsOptional()
  @IsCalendarDate()
  @NotAfter('to')
  from?: string;

  @ApiPropertyOptional({
    example: '2025-06-30',
    description: "Last day (inclusive). Default: today in the district's time zone.",
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
