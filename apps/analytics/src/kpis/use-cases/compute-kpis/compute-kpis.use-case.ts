import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailedError } from '@gridline/platform';
import { KpiCounts, KpiPeriod, kpiPeriodOf, Kpis, kpisOf } from '../../domain/case-loop-kpis';
import { CityKpisView, ComputeKpisQuery, KpisView } from './compute-kpis.dto';

type CountsRow = KpiCounts & { part: string | null; whole: boolean };
type Period = Exclude<KpiPeriod, { problem: unknown }>;

const noCases: KpiCounts = { cases: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 };

/**
 * Counts the period's cohort once, for the whole and per part together (GROUPING SETS): a district and its
 * responsible grids, through the (tenant_id, reported-at) index; or the city and its districts. The rates are the
 * pure `kpisOf`.
 */
@Injectable()
export class ComputeKpisUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async district(tenantId: string, query: ComputeKpisQuery, now = new Date()): Promise<KpisView> {
    const period = this.periodOf(query, now);
    const { whole, parts } = await this.cohort(period, tenantId, 'origin_grid_id');
    return { tenantId, ...this.bounds(period), district: whole, byGrid: parts.map(({ part, kpis }) => ({ gridId: part, ...kpis })) };
  }

  async city(query: ComputeKpisQuery, now = new Date()): Promise<CityKpisView> {
    const period = this.periodOf(query, now);
    const { whole, parts } = await this.cohort(period, null, 'tenant_id');
    return { ...this.bounds(period), city: whole, byDistrict: parts.map(({ part, kpis }) => ({ tenantId: part, ...kpis })) };
  }

  private periodOf(query: ComputeKpisQuery, now: Date): Period {
    const period = kpiPeriodOf(query.from, query.to, now);
    if ('problem' in period) throw new ValidationFailedError([period.problem]);
    return period;
  }

  private bounds(period: Period): { from: string; to: string } {
    return { from: period.from.toISOString(), to: period.to.toISOString() };
  }

  /** The whole and its parts (those with cases), most cases first. */
  private async cohort(period: Period, tenantId: string | null, partColumn: 'origin_grid_id' | 'tenant_id'): Promise<{ whole: Kpis; parts: Array<{ part: string; kpis: Kpis }> }> {
    const params: unknown[] = [period.from, period.to];
    const district = tenantId === null ? '' : `AND tenant_id = $${params.push(tenantId)}`;
    const rows: CountsRow[] = await this.dataSource.query(
      `SELECT ${partColumn} AS part, GROUPING(${partColumn}) = 1 AS whole,
              (count(*) FILTER (WHERE state <> 'rejected'))::int AS cases,
              (count(*) FILTER (WHERE state = 'closed'))::int AS closed,
              (count(*) FILTER (WHERE state = 'closed' AND closed_on_time))::int AS "closedOnTime",
              (count(*) FILTER (WHERE state <> 'rejected' AND rework_count > 0))::int AS reworked,
              (count(*) FILTER (WHERE state <> 'rejected' AND extension_count > 0))::int AS extended,
              (count(rating) FILTER (WHERE state <> 'rejected'))::int AS rated,
              (COALESCE(sum(rating) FILTER (WHERE state <> 'rejected'), 0))::int AS "ratingSum"
         FROM issue_facts
        WHERE COALESCE(reported_at, dispatched_at) >= $1 AND COALESCE(reported_at, dispatched_at) < $2 ${district}
        GROUP BY GROUPING SETS ((), (${partColumn}))`,
      params,
    );
    const counts = ({ part: _part, whole: _whole, ...numbers }: CountsRow): KpiCounts => numbers;
    const whole = rows.find((row) => row.whole);
    return {
      whole: kpisOf(whole ? counts(whole) : noCases),
      parts: rows
        .filter((row): row is CountsRow & { part: string } => !row.whole && row.part !== null && row.cases > 0)
        .sort((a, b) => b.cases - a.cases || a.part.localeCompare(b.part))
        .map((row) => ({ part: row.part, kpis: kpisOf(counts(row)) })),
    };
  }
}
