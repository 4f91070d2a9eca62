import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '@gridline/platform';

export class ComplianceQuery {
  @ApiPropertyOptional({
    example: '2025-06-30',
    description: "YYYY-MM-DD. Default: today in the district's zero-report time zone.",
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}
