import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from './is-calendar-date.validator';

export const MAX_HISTORY_DAYS = 366;
export const DEFAULT_HISTORY_DAYS = 30;

export class CheckInHistoryQuery {
  @ApiPropertyOptional({ example: '2025-06-01', description: `First day (inclusive). Default: ${DEFAULT_HISTORY_DAYS - 1} days before \`to\`.` })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be YYYY-MM-DD' })
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: "Last day (inclusive). Default: today in the district's time zone." })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be YYYY-MM-DD' })
  @IsCalendarDate()
  to?: string;
}
