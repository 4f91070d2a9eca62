import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '@gridline/platform';

/** `?asOf=` on one grid: read it as it stood at that instant instead of now. */
export class GridAsOfQuery {
  @ApiPropertyOptional({
    example: '2026-11-01T12:00:00+08:00',
    description: 'An ISO 8601 instant (a date alone is midnight UTC): answer from the grid history as of then.',
  })
  @IsOptional()
  @IsInstant({ message: 'asOf must be an ISO 8601 date or instant' })
  asOf?: string;
}
