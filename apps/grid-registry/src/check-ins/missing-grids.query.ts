import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@gridline/platform';

export const MAX_MISSING_PER_PAGE = 1000;

/** Which day, and keyset paging by grid code (a district has thousands of micro-grids). */
export class MissingGridsQuery {
  @ApiPropertyOptional({
    example: '2025-06-30',
    description: "Default: today in the district's zero-report time zone.",
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({
    example: '410103001',
    description: 'Only grids whose code sorts after this one: pass the last code of the previous page.',
  })
  @IsOptional()
  @Matches(/^\d{6,30}$/, { message: 'after must be a grid code (6-30 digits)' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MISSING_PER_PAGE, default: MAX_MISSING_PER_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_MISSING_PER_PAGE)
  limit?: number;
}
