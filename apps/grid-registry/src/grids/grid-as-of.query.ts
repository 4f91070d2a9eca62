import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** `?asOf=` on one grid: read it as it stood at that instant instead of now. */
export class GridAsOfQuery {
  @ApiPropertyOptional({ example: '2026-11-01T12:00:00+08:00', description: 'An ISO 8601 instant (a date alone is midnight UTC): answer from the grid history as of then.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 date or instant' })
  asOf?: string;
}
