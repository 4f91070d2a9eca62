import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '@gridline/platform';
import type { EffectiveFrom } from './effective-from.command';

/** The optional `effectiveFrom` of a tree change: an ISO 8601 instant (a date alone is midnight UTC); default now. */
export class EffectiveFromDto implements EffectiveFrom {
  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+08:00',
    description:
      'When the change takes effect (ISO 8601). Default now; may be back-dated, not after now, not before the last change of the grids involved.',
  })
  @IsOptional()
  @IsInstant({ message: 'effectiveFrom must be an ISO 8601 date or instant' })
  effectiveFrom?: string;
}
