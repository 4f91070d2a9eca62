import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ValidationFailedError } from '@gridline/platform';
import { DurableTimers } from '@gridline/scheduling';
import { zeroReportRuleFrom } from '../../domain/zero-report-policy';
import { CUTOFF_TIMER, CutoffTimerPayload } from '../../check-in-timers';
import { upcomingCutoff } from '../../upcoming-cutoff';
import { ZeroReportPolicy } from '../../zero-report-policy.entity';
import { toZeroReportPolicyView, ZeroReportPolicyView } from '../../zero-report-policy.view';
import { SetZeroReportPolicyCommand } from './set-zero-report-policy.command';
import { requireDistrict } from '../../../tenants/require-district';

/**
 * Creates or replaces a district's zero-report policy and re-plans its cut-off in the same transaction: the
 * pending cut-off timer is cancelled and, when enabled, one is set for the next cut-off under the new rule.
 *
 * Lock order matches the timer poller's (timer row, then policy row), so a cut-off firing at this moment
 * cannot deadlock with it: the cancel waits for the firing to commit; a next-day timer that firing scheduled
 * meanwhile carries the old policy version and does nothing when it comes due.
 */
@Injectable()
export class SetZeroReportPolicyUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: DurableTimers,
  ) {}

  async execute({
    tenantId,
    policy: requested,
    now = new Date(),
  }: SetZeroReportPolicyCommand): Promise<ZeroReportPolicyView> {
    const verdict = zeroReportRuleFrom(requested);
    if (!verdict.ok) throw new ValidationFailedError([{ field: verdict.field, reason: verdict.reason }]);
    const rule = verdict.rule;

    return this.dataSource.transaction(async (manager) => {
      await requireDistrict(manager, tenantId);
      await this.timers.cancel(manager, tenantId, CUTOFF_TIMER);

      await manager.query(
        `INSERT INTO zero_report_policies (tenant_id, cutoff, time_zone, levels, enabled, version, updated_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6)
         ON CONFLICT (tenant_id) DO UPDATE
           SET cutoff = EXCLUDED.cutoff, time_zone = EXCLUDED.time_zone, levels = EXCLUDED.levels, enabled = EXCLUDED.enabled,
               version = zero_report_policies.version + 1, updated_at = EXCLUDED.updated_at`,
        [tenantId, rule.cutoff, rule.timeZone, rule.levels, rule.enabled, now],
      );
      const stored = await manager.findOneByOrFail(ZeroReportPolicy, { tenantId });

      // Moving the cut-off later on a day whose cut-off already ran does not reopen that day.
      const next = rule.enabled ? await upcomingCutoff(manager, tenantId, rule, now) : null;
      if (next) {
        const payload: CutoffTimerPayload = { date: next.date, policyVersion: stored.version };
        await this.timers.schedule(manager, {
          tenantId,
          kind: CUTOFF_TIMER,
          aggregateId: tenantId,
          dueAt: next.at,
          payload,
        });
      }
      return toZeroReportPolicyView(stored, next);
    });
  }
}
