import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { gridLevels } from '@gridline/contracts';
import { SummaryNumbers } from './summary.views';

interface ScalarRow {
  total: number;
  open: number;
  acknowledged: number;
  escalated: number;
  critical: number;
  escalations: number;
  volunteers: number;
  offers: number;
  unmatched: number;
  tenants: number;
}

/**
 * Counts over the projection tables. With a tenant, every table is filtered by it; without one (the city view)
 * they span all districts and return counts only.
 */
@Injectable()
export class SummaryQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async numbers(tenantId: string | null): Promise<SummaryNumbers & { tenants: number }> {
    const where = tenantId === null ? '' : 'WHERE tenant_id = $1';
    const params = tenantId === null ? [] : [tenantId];
    const [row]: ScalarRow[] = await this.dataSource.query(
      `SELECT i.total, i.open, i.acknowledged, i.escalated, i.critical,
              (SELECT count(*)::int FROM escalation_steps ${where}) AS escalations,
              (SELECT count(*)::int FROM volunteer_facts ${where}) AS volunteers,
              (SELECT count(*)::int FROM offer_facts ${where}) AS offers,
              (SELECT count(*)::int FROM unmatched_facts ${where}) AS unmatched,
              (SELECT count(*)::int FROM tenant_replica ${where}) AS tenants
         FROM (SELECT count(*)::int AS total,
                      (count(*) FILTER (WHERE acknowledged_at IS NULL))::int AS open,
                      (count(*) FILTER (WHERE acknowledged_at IS NOT NULL))::int AS acknowledged,
                      (count(*) FILTER (WHERE escalation_depth > 0))::int AS escalated,
                      (count(*) FILTER (WHERE critical))::int AS critical
                 FROM issue_facts ${where}) i`,
      params,
    );
    const gridRows: Array<{ level: string; count: number }> = await this.dataSource.query(
      `SELECT level, count(*)::int AS count FROM grid_replica ${where} GROUP BY level`,
      params,
    );
    const perLevel = new Map(gridRows.map((r) => [r.level, r.count]));
    return {
      issues: {
        total: row.total,
        open: row.open,
        acknowledged: row.acknowledged,
        escalated: row.escalated,
        critical: row.critical,
      },
      escalations: row.escalations,
      volunteers: row.volunteers,
      offers: row.offers,
      unmatched: row.unmatched,
      grids: {
        total: gridRows.reduce((sum, r) => sum + r.count, 0),
        byLevel: gridLevels.map((level) => ({ level, count: perLevel.get(level) ?? 0 })),
      },
      tenants: row.tenants,
    };
  }
}
