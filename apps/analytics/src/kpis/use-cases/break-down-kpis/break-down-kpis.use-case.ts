import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { cohortPeriodOf, cohortStart, kpiNumberColumns, KpiNumbersRow, kpisOfRow } from '../../cohort-numbers';
import { kpisOf } from '../../domain/case-loop-kpis';
import {
  breakdownRowsOf,
  depthHistogramOf,
  KPI_TIME_ZONE,
  KpiBreakdown,
  localDaysOf,
} from '../../domain/kpi-breakdown';
import { BreakDownKpisCommand } from './break-down-kpis.command';
import type { KpiBreakdownView } from './break-down-kpis.dto';

/** GROUPING(key, escalation_depth): which grouping set a row measures. */
const WHOLE = 3;
const PART = 1;
const DEPTH = 2;

type BreakdownRow = KpiNumbersRow & { grouping: number; key: string | null; name: string | null; depth: number | null };

/**
 * How each breakdown keys a case of the cohort (`cohort`, the period's rows of the district): the CTEs it needs after
 * `cohort`, and the key and name columns of `keyed`. A street or community is the ancestor at that level of the grid
 * the case was first dispatched to (itself when it is one), walked up the grid replica from the cohort's origins only.
 */
function keyingOf(by: KpiBreakdown): { ctes: string; keyed: string } {
  switch (by) {
    case 'day':
      return {
        ctes: '',
        keyed: `SELECT c.*, to_char((${cohortStart} AT TIME ZONE '${KPI_TIME_ZONE}')::date, 'YYYY-MM-DD') AS key, NULL::text AS name FROM cohort c`,
      };
    case 'category':
      return { ctes: '', keyed: 'SELECT c.*, c.category AS key, NULL::text AS name FROM cohort c' };
    case 'street':
    case 'community':
      return {
        ctes: `,
          up AS (
            SELECT g.grid_id AS origin, g.grid_id, g.parent_id, g.level, g.name, 0 AS hops
              FROM grid_replica g WHERE g.tenant_id = $3 AND g.grid_id IN (SELECT origin_grid_id FROM cohort)
            UNION ALL
            SELECT up.origin, p.grid_id, p.parent_id, p.level, p.name, up.hops + 1
              FROM grid_replica p JOIN up ON p.grid_id = up.parent_id AND p.tenant_id = $3
             WHERE up.hops < 16
          ),
          place AS (SELECT DISTINCT ON (origin) origin, grid_id, name FROM up WHERE level = '${by}' ORDER BY origin, hops)`,
        keyed:
          'SELECT c.*, place.grid_id AS key, place.name AS name FROM cohort c LEFT JOIN place ON place.origin = c.origin_grid_id',
      };
  }
}

/**
 * A district's KPIs broken down by day, category, street or community, with the district's own numbers and its
 * escalation-depth histogram: one query, one pass over the cohort with three grouping sets (the whole, the parts,
 * the depths). The whole is measured by the same select list and cohort as GET …/kpis, so the numbers agree.
 */
@Injectable()
export class BreakDownKpisUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: BreakDownKpisCommand, now = new Date()): Promise<KpiBreakdownView> {
    const period = cohortPeriodOf(query, now);
    const { ctes, keyed } = keyingOf(query.by);
    const rows: BreakdownRow[] = await this.dataSource.query(
      `WITH RECURSIVE cohort AS (
         SELECT * FROM issue_facts WHERE tenant_id = $3 AND ${cohortStart} >= $1 AND ${cohortStart} < $2
       )${ctes},
       keyed AS (${keyed})
       SELECT GROUPING(key, escalation_depth) AS grouping, key, name, escalation_depth AS depth, ${kpiNumberColumns}
         FROM keyed
        GROUP BY GROUPING SETS ((), (key, name), (escalation_depth))`,
      [period.from, period.to, tenantId],
    );
    const whole = rows.find((row) => row.grouping === WHOLE);
    const parts = rows
      .filter((row) => row.grouping === PART)
      .map((row) => ({ key: row.key, name: row.name, kpis: kpisOfRow(row) }));
    const depths = rows
      .filter((row) => row.grouping === DEPTH && row.depth !== null)
      .map((row) => ({ depth: row.depth as number, cases: row.cases }));
    const district = whole
      ? kpisOfRow(whole)
      : kpisOf({ cases: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 });
    return {
      tenantId,
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      by: query.by,
      timeZone: KPI_TIME_ZONE,
      district: { ...district, depthHistogram: depthHistogramOf(depths) },
      rows: breakdownRowsOf(query.by, parts, query.by === 'day' ? localDaysOf(period.from, period.to) : []).map(
        ({ key, name, kpis }) => ({ key, name, ...kpis }),
      ),
    };
  }
}
