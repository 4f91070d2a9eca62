import { KpiBreakdown } from '../../domain/kpi-breakdown';
import { ComputeKpisCommand } from '../compute-kpis/compute-kpis.command';

/** The period's KPIs broken down by day, category, street or community. */
export interface BreakDownKpisCommand extends ComputeKpisCommand {
  readonly by: KpiBreakdown;
}
