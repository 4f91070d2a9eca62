import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant, NotAfter } from '@gridline/platform';
import { ComputeKpisCommand } from './compute-kpis.command';

export class ComputeKpisQuery implements ComputeKpisCommand {
  @ApiPropertyOptional({
    example: '2026-11-01T00:00:00+08:00',
    description: 'Start of the period (inclusive), ISO 8601, not after `to`. Default: 30 days before `to`.',
  })
  @IsOptional()
  @IsInstant({ message: 'from must be an ISO 8601 date or date-time' })
  @NotAfter('to')
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00+08:00',
    description: 'End of the period (exclusive), ISO 8601. Default: now.',
  })
  @IsOptional()
  @IsInstant({ message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export class KpiNumbersView {
  @ApiProperty({ description: 'Cases reported in the period, rejected reports excluded (应结案数).' }) cases: number;
  @ApiProperty({ description: 'Of those, closed by now (结案数).' }) closed: number;
  @ApiProperty({ description: 'Closed and resolved before the resolve deadline in force (按期结案数).' })
  closedOnTime: number;
  @ApiProperty({ description: 'Reopened at least once by a failed verification (返工).' }) reworked: number;
  @ApiProperty({ description: 'Granted at least one extension (延期).' }) extended: number;
  @ApiProperty({ description: 'Rated by the reporter.' }) rated: number;
  @ApiProperty() ratingSum: number;
  @ApiProperty({ nullable: true, type: Number, description: 'closed / cases (结案率); null without cases.' })
  closureRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'closedOnTime / cases (按期结案率).' }) onTimeClosureRate:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'reworked / cases (返工率).' }) reworkRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'extended / cases (延期率).' }) extensionRate:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean rating 1–5, null when none.' }) averageRating:
    number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Median whole seconds from the report (or the dispatch, when the report was not seen) to the first acknowledgement; null when none was acknowledged.',
  })
  medianAckSeconds: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Median whole seconds from the report (or dispatch) to closing, over the closed cases; null when none closed.',
  })
  medianCloseSeconds: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Mean escalation depth (0: never escalated), two places; null without cases.',
  })
  averageDepth: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Greatest escalation depth; null without cases.' })
  maxDepth: number | null;
}

export class GridKpisView extends KpiNumbersView {
  @ApiProperty({ description: 'The grid the case was first dispatched to (the responsible grid).' }) gridId: string;
}

export class KpisView {
  @ApiProperty() tenantId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: KpiNumbersView, description: 'The whole district.' }) district: KpiNumbersView;
  @ApiProperty({ type: GridKpisView, isArray: true, description: 'Per responsible grid, most cases first.' })
  byGrid: GridKpisView[];
}

export class DistrictKpisView extends KpiNumbersView {
  @ApiProperty() tenantId: string;
}

export class CityKpisView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: KpiNumbersView, description: 'Every district together.' }) city: KpiNumbersView;
  @ApiProperty({ type: DistrictKpisView, isArray: true, description: 'Per district, most cases first.' })
  byDistrict: DistrictKpisView[];
}
