import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource } from 'typeorm';
import { gridLevels } from '@gridline/contracts';
import { ValidationFailedError } from '@gridline/platform';
import { Grid } from '../grids/grid.entity';
import { CheckIn } from './check-in.entity';
import { CheckInDayClosing } from './check-in-day-closing.entity';
import { CheckInHistoryQuery, DEFAULT_HISTORY_DAYS, MAX_HISTORY_DAYS } from './check-in-history.query';
import { CheckInDayView, toCheckInView } from './check-in.view';
import { addDays, daysBetween, localDateAt, periodOutOfOrder } from '@gridline/calendar';
import { ComplianceQuery } from './compliance.query';
import { ComplianceView } from './compliance.view';
import { cutoffOf } from './domain/cutoff';
import { DEFAULT_TIME_ZONE } from './domain/zero-report-policy';
import { MissedCheckIn } from './missed-check-in.entity';
import { MAX_MISSING_PER_PAGE, MissingGridsQuery } from './missing-grids.query';
import { MissingGridsView, MissingGridView } from './missing-grids.view';
import { ZeroReportPolicy } from './zero-report-policy.entity';
import { upcomingCutoff } from './upcoming-cutoff';
import { toZeroReportPolicyView, ZeroReportPolicyView } from './zero-report-policy.view';
import { requireDistrict } from '../tenants/require-district';
import { GridErrors } from '../grids/grid-errors';
import { CheckInErrors } from './check-in-errors';

/** Read side of the zero-report: the policy, who is missing on a day, and a grid's history. Tenant-scoped. */
@Injectable()
export class CheckInReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async policy(tenantId: string, now = new Date()): Promise<ZeroReportPolicyView> {
    const manager = this.dataSource.manager;
    await this.requireTenant(tenantId);
    const policy = await manager.findOneBy(ZeroReportPolicy, { tenantId });
    if (!policy) throw CheckInErrors.ZERO_REPORT_POLICY_NOT_FOUND(tenantId);
    return toZeroReportPolicyView(policy, policy.enabled ? await upcomingCutoff(manager, tenantId, policy, now) : null);
  }

  /**
   * Before the day's cut-off has run: the grids (at the policy's levels) with no check-in yet, status pending.
   * After: the grids recorded as missed, status missed. Ordered by code, keyset-paged with `after`.
   */
  async missing(tenantId: string, query: MissingGridsQuery, now = new Date()): Promise<MissingGridsView> {
    const manager = this.dataSource.manager;
    await this.requireTenant(tenantId);
    const policy = await manager.findOneBy(ZeroReportPolicy, { tenantId });
    const date = query.date ?? localDateAt(now, policy?.timeZone ?? DEFAULT_TIME_ZONE);
    const closed = await manager.existsBy(CheckInDayClosing, { tenantId, date });
    const limit = query.limit ?? MAX_MISSING_PER_PAGE;
    const after = query.after ?? '';
    const rows: Array<Omit<MissingGridView, 'status'>> = closed
      ? await manager.query(
          `SELECT g.id AS "gridId", g.name, g.code, m.level
             FROM missed_check_ins m JOIN grids g ON g.tenant_id = m.tenant_id AND g.id = m.grid_id
            WHERE m.tenant_id = $1 AND m.local_date = $2::date AND g.code > $3
            ORDER BY g.code LIMIT $4`,
          [tenantId, date, after, limit],
        )
      : await manager.query(
          `SELECT g.id AS "gridId", g.name, g.code, g.level
             FROM grids g
            WHERE g.tenant_id = $1 AND g.level = ANY($3::text[]) AND g.status = 'active' AND g.code > $4
              AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.tenant_id = g.tenant_id AND c.grid_id = g.id AND c.local_date = $2::date)
            ORDER BY g.code LIMIT $5`,
          [tenantId, date, policy?.levels ?? [...gridLevels], after, limit],
        );
    const status = closed ? 'missed' : 'pending';
    return {
      tenantId,
      date,
      status,
      cutoffAt: policy?.enabled ? cutoffOf(date, policy).at.toISOString() : null,
      grids: rows.map((row) => ({ ...row, status })),
    };
  }

  /**
   * Zero-report compliance for a day (default today). Before the day's cut-off has run, the grids that owe a
   * check-in are the active grids at the policy's levels; after it, those recorded as missed and those at the
   * policy's levels that checked in — so a closed day keeps its answer when grids are later added or retired.
   * Read in one snapshot.
   */
  compliance(tenantId: string, query: ComplianceQuery, now = new Date()): Promise<ComplianceView> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await requireDistrict(manager, tenantId);
      const policy = await manager.findOneBy(ZeroReportPolicy, { tenantId });
      const date = query.date ?? localDateAt(now, policy?.timeZone ?? DEFAULT_TIME_ZONE);
      const closed = await manager.existsBy(CheckInDayClosing, { tenantId, date });
      const owing = closed
        ? `SELECT m.grid_id FROM missed_check_ins m WHERE m.tenant_id = $1 AND m.local_date = $2::date
           UNION
           SELECT c.grid_id FROM check_ins c JOIN grids lg ON lg.tenant_id = c.tenant_id AND lg.id = c.grid_id
            WHERE c.tenant_id = $1 AND c.local_date = $2::date AND lg.level = ANY($3::text[])`
        : `SELECT a.id AS grid_id FROM grids a WHERE a.tenant_id = $1 AND a.status = 'active' AND a.level = ANY($3::text[])`;
      const rows: Array<{ gridId: string; name: string; reported: boolean }> = await manager.query(
        `SELECT g.id AS "gridId", g.name,
                EXISTS (SELECT 1 FROM check_ins c WHERE c.tenant_id = $1 AND c.grid_id = g.id AND c.local_date = $2::date) AS reported
           FROM (${owing}) owing JOIN grids g ON g.tenant_id = $1 AND g.id = owing.grid_id
          ORDER BY g.code, g.id`,
        [tenantId, date, policy?.levels ?? [...gridLevels]],
      );
      const reported = rows.filter((row) => row.reported).length;
      return {
        date,
        closed,
        expected: rows.length,
        reported,
        missing: rows.length - reported,
        rate: rows.length === 0 ? null : Math.round((reported / rows.length) * 10_000) / 10_000,
        grids: rows,
      };
    });
  }

  /** A grid's days from `from` to `to`, newest first: each day it checked in or was recorded as missed. */
  async history(
    tenantId: string,
    gridId: string,
    query: CheckInHistoryQuery,
    now = new Date(),
  ): Promise<CheckInDayView[]> {
    const manager = this.dataSource.manager;
    await this.requireTenant(tenantId);
    if (!(await manager.existsBy(Grid, { tenantId, id: gridId }))) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
    const policy = await manager.findOneBy(ZeroReportPolicy, { tenantId });
    const to = query.to ?? localDateAt(now, policy?.timeZone ?? DEFAULT_TIME_ZONE);
    const from = query.from ?? addDays(to, -(DEFAULT_HISTORY_DAYS - 1));
    const span = daysBetween(from, to);
    // The period rule of every route (NotAfter on the query) once more, for a `from` after the default `to`.
    if (span < 0) throw new ValidationFailedError([{ field: 'from', reason: periodOutOfOrder('from', 'to') }]);
    if (span >= MAX_HISTORY_DAYS) throw CheckInErrors.INVALID_DATE_RANGE(MAX_HISTORY_DAYS);
    const [checkIns, misses] = await Promise.all([
      manager.find(CheckIn, { where: { tenantId, gridId, date: Between(from, to) } }),
      manager.find(MissedCheckIn, { where: { tenantId, gridId, date: Between(from, to) } }),
    ]);
    const days: CheckInDayView[] = [
      ...checkIns.map((checkIn): CheckInDayView => ({
        date: checkIn.date,
        status: 'checked-in',
        checkIn: toCheckInView(checkIn),
      })),
      ...misses.map((miss): CheckInDayView => ({
        date: miss.date,
        status: 'missed',
        recordedAt: miss.recordedAt.toISOString(),
      })),
    ];
    return days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  }

  private async requireTenant(tenantId: string): Promise<void> {
    await requireDistrict(this.dataSource.manager, tenantId);
  }
}
