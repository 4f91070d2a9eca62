import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { KpiBreakdown, kpiBreakdowns } from '../../domain/kpi-breakdown';
import { ComputeKpisQuery, KpiNumbersView } from '../compute-kpis/compute-kpis.dto';
import { BreakDownKpisCommand } from './break-down-kpis.command';

export class BreakDownKpisQuery extends ComputeKpisQuery implements BreakDownKpisCommand {
  @ApiProperty({
    enum: kpiBreakdowns,
    description:
      'day: Asia/Shanghai calendar days of the period, empty days included; category: the category code; street / community: the street or community containing the grid the case was first dispatched to.',
  })
  @IsIn(kpiBreakdowns, { message: `by must be one of ${kpiBreakdowns.join(', ')}` })
  by: KpiBreakdown;
}

export class DepthBarView {
  @ApiProperty({ description: 'Escalations since dispatch (0: never escalated).' }) depth: number;
  @ApiProperty() cases: number;
}

export class BreakdownDistrictView extends KpiNumbersView {
  @ApiProperty({
    type: DepthBarView,
    isArray: true,
    description: 'Cases per escalation depth, every depth from 0 to the greatest.',
  })
  depthHistogram: DepthBarView[];
}

export class BreakdownRowView extends KpiNumbersView {
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The day (YYYY-MM-DD), category code or grid id; null for the one row of cases with no known key (always last).',
  })
  key: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The street or community name from the grid replica; null for days and categories.',
  })
  name: string | null;
}

export class KpiBreakdownView {
  @ApiProperty() tenantId: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: kpiBreakdowns }) by: KpiBreakdown;
  @ApiProperty({ example: 'Asia/Shanghai', description: 'The zone days are read in.' }) timeZone: string;
  @ApiProperty({
    type: BreakdownDistrictView,
    description: 'The whole district: the same numbers as GET …/kpis for the period.',
  })
  district: BreakdownDistrictView;
  @ApiProperty({
    type: BreakdownRowView,
    isArray: true,
    description: 'Days in order; otherwise most cases first, the unknown key last.',
  })
  rows: BreakdownRowView[];
}
