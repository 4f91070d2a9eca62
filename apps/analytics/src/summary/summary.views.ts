import { ApiProperty } from '@nestjs/swagger';

export class IssueTotalsView {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Never acknowledged yet.' }) open: number;
  @ApiProperty({ description: 'Acknowledged at least once (whatever happened since).' }) acknowledged: number;
  @ApiProperty({ description: 'Issues escalated at least once.' }) escalated: number;
  @ApiProperty({ description: 'Issues that reached the city centre.' }) critical: number;
}

export class GridLevelCount {
  @ApiProperty({ enum: ['street', 'community', 'grid', 'micro'] }) level: string;
  @ApiProperty() count: number;
}

export class GridTotalsView {
  @ApiProperty() total: number;
  @ApiProperty({ type: GridLevelCount, isArray: true }) byLevel: GridLevelCount[];
}

/** The numbers shared by a district's and the city's summary. */
export class SummaryNumbers {
  @ApiProperty({ type: IssueTotalsView }) issues: IssueTotalsView;
  @ApiProperty({ description: 'Escalation steps taken, all issues together.' }) escalations: number;
  @ApiProperty() volunteers: number;
  @ApiProperty({ description: 'Task offers made to volunteers.' }) offers: number;
  @ApiProperty({ description: 'Issues that needed a volunteer and found none.' }) unmatched: number;
  @ApiProperty({ type: GridTotalsView }) grids: GridTotalsView;
}

export class TenantSummaryView extends SummaryNumbers {
  @ApiProperty() tenantId: string;
}

export class CitySummaryView extends SummaryNumbers {
  @ApiProperty({ description: 'Districts known from the tenant-state stream.' }) tenants: number;
}
