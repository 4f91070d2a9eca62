import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** The optional `effectiveFrom` of a tree change: an ISO 8601 instant (a date alone is midnight UTC); default now. */
export class EffectiveFromDto {
  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+08:00',
    description: 'When the change takes effect (ISO 8601). Default now; may be back-dated, not after now, not before the last change of the grids involved.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be an ISO 8601 date or instant' })
  effectiveFrom?: string;
}
