import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KpiCounts, Kpis, kpisOf } from '../../domain/case-loop-kpis';
import {
  CohortPeriod as Period,
  cohortPeriodOf,
  cohortStart,
  kpiNumberColumns,
  KpiNumbersRow,
  kpisOfRow,
} from '../../cohort-numbers';
import { ComputeKpisCommand } from './compute-kpis.command';
import type { CityKpisView, KpisView } from './compute-kpis.dto';

type CountsRow = KpiNumbersRow & { part: string | null; whole: boolean };

const noCases: KpiCounts = { cases: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 };

/**
 * Counts the period's cohort once, for the whole and per part together (GROUPING SETS): a district and its
 * responsible grids, through the (tenant_id, reported-at) index; or the city and its districts. The rates are the
 * pure `kpisOf`.
 */
@Injectable()
export class ComputeKpisUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async district(tenantId: string, query: ComputeKpisCommand, now = new Date()): Promise<KpisView> {
    const period = this.periodOf(query, now);
    const { whole, parts } = await this.cohort(period, tenantId, 'origin_grid_id');
    return {
      tenantId,
      ...this.bounds(period),
      district: whole,
      byGrid: parts.map(({ part, kpis }) => ({ gridId: part, ...kpis })),
    };
  }

  async city(query: ComputeKpisCommand, now = new Date()): Promise<CityKpisView> {
    const period = this.periodOf(query, now);
    const { whole, parts } = await this.cohort(period, null, 'tenant_id');
    return {
      ...this.bounds(period),
      city: whole,
      byDistrict: parts.map(({ part, kpis }) => ({ tenantId: part, ...kpis })),
    };
  }

  private periodOf(query: ComputeKpisCommand, now: Date): Period {
    return cohortPeriodOf(query, now);
  }

  private bounds(period: Period): { from: string; to: string } {
    return { from: period.from.toISOString(), to: period.to.toISOString() };
  }

  /** The whole and its parts (those with cases), most cases first. */
  private async cohort(
    period: Period,
    tenantId: string | null,
    partColumn: 'origin_grid_id' | 'tenant_id',
  ): Promise<{ whole: Kpis; parts: Array<{ part: string; kpis: Kpis }> }> {
    const params: unknown[] = [period.from, period.to];
    const district = tenantId === null ? '' : `AND tenant_id = $${params.push(tenantId)}`;
    const rows: CountsRow[] = await this.dataSource.query(
      `SELECT ${partColumn} AS part, GROUPING(${partColumn}) = 1 AS whole, ${kpiNumberColumns}
         FROM issue_facts
        WHERE ${cohortStart} >= $1 AND ${cohortStart} < $2 ${district}
        GROUP BY GROUPING SETS ((), (${partColumn}))`,
      params,
    );
    const whole = rows.find((row) => row.whole);
    return {
      whole: whole ? kpisOfRow(whole) : kpisOf(noCases),
      parts: rows
        .filter((row): row is CountsRow & { part: string } => !row.whole && row.part !== null && row.cases > 0)
        .sort((a, b) => b.cases - a.cases || a.part.localeCompare(b.part))
        .map((row) => ({ part: row.part, kpis: kpisOfRow(row) })),
    };
  }
}
