import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GridCheckInMissed, type GridLevel } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { DurableTimer, DurableTimers, TimerPoller } from '@gridline/scheduling';
import { CUTOFF_TIMER, CutoffTimerPayload } from '../../check-in-timers';
import { cutoffOf, followingCutoff } from '../../domain/cutoff';
import { ZeroReportPolicy } from '../../zero-report-policy.entity';

/** Correlates every missed-report event of one district's day, so the day can be traced as one unit of work. */
export function cutoffCorrelationId(tenantId: string, date: string): string {
  return `zero-report:${tenantId}:${date}`;
}

/**
 * Runs a district's daily cut-off when its durable timer fires, inside the timer's transaction: records the day
 * as closed, records every grid that owed a check-in and had none (one set-based INSERT … SELECT … RETURNING),
 * emits GridCheckInMissed for each returned row through the outbox, and sets the timer of the next day's cut-off.
 *
 * Fires once and only once per district and date: the day's closing row and the missed rows' primary key make a
 * re-fired timer a no-op, and a timer set for an older policy version does nothing. A timer that fires late
 * (the service was down over the cut-off) closes its own day and sets the next day's, which is due at once if
 * it too has passed: no day is skipped, none is closed twice.
 */
@Injectable()
export class CloseCheckInDayUseCase implements OnModuleInit {
  private readonly logger = new Logger('ZeroReport');

  constructor(
    private readonly poller: TimerPoller,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.poller.register(CUTOFF_TIMER, (timer, manager) => this.onCutoff(timer, manager));
  }

  async onCutoff(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const { date, policyVersion } = timer.payload as CutoffTimerPayload;
    const tenantId = timer.tenantId;
    // FOR UPDATE waits for check-ins in flight (they hold FOR KEY SHARE) and holds new ones until this commits.
    const policy = await manager.findOne(ZeroReportPolicy, {
      where: { tenantId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!policy || !policy.enabled || policy.version !== policyVersion) return; // stale: the policy changed and set its own timer

    const cutoff = cutoffOf(date, policy);
    const started = performance.now();
    const opened = (await manager.query(
      `INSERT INTO check_in_day_closings (tenant_id, local_date, cutoff_at, closed_at)
       VALUES ($1, $2, $3, now()) ON CONFLICT (tenant_id, local_date) DO NOTHING RETURNING tenant_id`,
      [tenantId, date, cutoff.at],
    )) as unknown[];
    if (opened.length > 0) {
      const missed = await this.recordMissed(manager, tenantId, date, policy.levels, cutoff.at);
      const context = EventContext.start(tenantId, cutoffCorrelationId(tenantId, date));
      for (const row of missed) {
        await this.outbox.add(
          manager,
          GridCheckInMissed,
          { tenantId, gridId: row.gridId, date, level: row.level },
          context,
        );
      }
      const processingMs = Math.round(performance.now() - started);
      await manager.query(
        `UPDATE check_in_day_closings SET missed_count = $3, processing_ms = $4 WHERE tenant_id = $1 AND local_date = $2`,
        [tenantId, date, missed.length, processingMs],
      );
      this.logger.log(
        `district ${tenantId} closed ${date}: ${missed.length} grid(s) missed their check-in (${processingMs} ms)`,
      );
    } else {
      this.logger.log(`district ${tenantId}: ${date} was already closed; a repeated cut-off timer changes nothing`);
    }
    await this.scheduleNext(manager, timer, policy, followingCutoff(cutoff, policy));
  }

  /**
   * Every grid of the district at a level that owes a check-in, existing at the cut-off, with no check-in for the
   * date: inserted in one statement, idempotent on (tenant, grid, date), returned for the events.
   */
  private async recordMissed(
    manager: EntityManager,
    tenantId: string,
    date: string,
    levels: readonly GridLevel[],
    cutoffAt: Date,
  ): Promise<Array<{ gridId: string; level: GridLevel }>> {
    return (await manager.query(
      `INSERT INTO missed_check_ins (tenant_id, grid_id, local_date, level, recorded_at)
       SELECT g.tenant_id, g.id, $2::date, g.level, now()
         FROM grids g
        WHERE g.tenant_id = $1
          AND g.level = ANY($3::text[])
          AND g.status = 'active'
          AND g.created_at <= $4
          AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.tenant_id = g.tenant_id AND c.grid_id = g.id AND c.local_date = $2::date)
        ORDER BY g.code
       ON CONFLICT (tenant_id, grid_id, local_date) DO NOTHING
       RETURNING grid_id AS "gridId", level`,
      [tenantId, date, levels, cutoffAt],
    )) as Array<{ gridId: string; level: GridLevel }>;
  }

  /** One pending cut-off per district: skip when another timer for the same policy version is already set. */
  private async scheduleNext(
    manager: EntityManager,
    timer: DurableTimer,
    policy: ZeroReportPolicy,
    next: { date: string; at: Date },
  ): Promise<void> {
    const [{ pending }] = (await manager.query(
      `SELECT count(*)::int AS pending FROM durable_timers
        WHERE aggregate_id = $1 AND kind = $2 AND id <> $3 AND (payload->>'policyVersion')::int = $4`,
      [policy.tenantId, CUTOFF_TIMER, timer.id, policy.version],
    )) as Array<{ pending: number }>;
    if (pending > 0) return;
    const payload: CutoffTimerPayload = { date: next.date, policyVersion: policy.version };
    await this.timers.schedule(manager, {
      tenantId: policy.tenantId,
      kind: CUTOFF_TIMER,
      aggregateId: policy.tenantId,
      dueAt: next.at,
      payload,
    });
  }
}
