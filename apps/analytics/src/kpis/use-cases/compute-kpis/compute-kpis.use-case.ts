import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailedError } from '@gridline/platform';
import { KpiCounts, kpiPeriodOf, kpisOf } from '../../domain/case-loop-kpis';
import { ComputeKpisQuery, KpisView } from './compute-kpis.dto';

type CountsRow = KpiCounts & { grid_id: string | null; whole: boolean };

/**
 * Counts the period's cohort once, for the district and per responsible grid together (GROUPING SETS), through
 * the (tenant_id, reported-at) index; the rates are the pure `kpisOf`.
 */
@Injectable()
export class ComputeKpisUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: ComputeKpisQuery, now = new Date()): Promise<KpisView> {
    const period = kpiPeriodOf(query.from, query.to, now);
    if ('problem' in period) throw new ValidationFailedError([period.problem]);
    const rows: CountsRow[] = await this.dataSource.query(
      `SELECT origin_grid_id AS grid_id, GROUPING(origin_grid_id) = 1 AS whole,
              (count(*) FILTER (WHERE state <> 'rejected'))::int AS cases,
              (count(*) FILTER (WHERE state = 'closed'))::int AS closed,
              (count(*) FILTER (WHERE state = 'closed' AND closed_on_time))::int AS "closedOnTime",
              (count(*) FILTER (WHERE state <> 'rejected' AND rework_count > 0))::int AS reworked,
              (count(*) FILTER (WHERE state <> 'rejected' AND extension_count > 0))::int AS extended,
              (count(rating) FILTER (WHERE state <> 'rejected'))::int AS rated,
              (COALESCE(sum(rating) FILTER (WHERE state <> 'rejected'), 0))::int AS "ratingSum"
         FROM issue_facts
        WHERE tenant_id = $1 AND COALESCE(reported_at, dispatched_at) >= $2 AND COALESCE(reported_at, dispatched_at) < $3
        GROUP BY GROUPING SETS ((), (origin_grid_id))`,
      [tenantId, period.from, period.to],
    );
    const counts = ({ grid_id: _grid, whole: _whole, ...numbers }: CountsRow): KpiCounts => numbers;
    const whole = rows.find((row) => row.whole);
    return {
      tenantId,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      district: kpisOf(whole ? counts(whole) : { cases: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 }),
      byGrid: rows
        .filter((row): row is CountsRow & { grid_id: string } => !row.whole && row.grid_id !== null && row.cases > 0)
        .sort((a, b) => b.cases - a.cases || a.grid_id.localeCompare(b.grid_id))
        .map((row) => ({ gridId: row.grid_id, ...kpisOf(counts(row)) })),
    };
  }
}
