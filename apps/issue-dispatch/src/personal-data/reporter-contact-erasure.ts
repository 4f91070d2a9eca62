import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { erasureDueAt, PersonalDataPolicies } from '@gridline/personal-data';
import { DurableTimers } from '@gridline/scheduling';
import { CaseActor } from '../issues/case-workflow';
import { ContactErasureReason, Issue } from '../issues/issue.entity';
import { appendCaseHistory } from '../issues/case-history';
import { CONTACT_ERASURE_TIMER, ContactErasurePayload } from './contact-erasure-timer';
import { withoutReporterIds } from './domain/reporter-contact';

/**
 * Erasing a reporter's contact while keeping the case: name, phone, e-mail and the Open311 app's device and account
 * ids go; state, history, photos and description stay. Both ways in — the retention timer set when the case
 * finishes, and the reporter's own request — come through here, in the caller's transaction, and leave a line in
 * the case history. The case's version does not move: the contact is not part of the case loop, so erasing it
 * must not make a dispatcher's next action a VERSION_CONFLICT.
 */
@Injectable()
export class ReporterContactErasure {
  constructor(
    private readonly policies: PersonalDataPolicies,
    private readonly timers: DurableTimers,
  ) {}

  /** A case just closed or was rejected: its contact goes after the district's period (set now, fixed from now). */
  async scheduleAfterFinish(manager: EntityManager, issue: Issue, now: Date): Promise<void> {
    if (issue.contactErasedAt !== null) return;
    const eraseAfter = erasureDueAt(now, await this.policies.retentionSeconds(issue.tenantId, manager));
    issue.contactEraseAfter = eraseAfter;
    await this.timers.cancel(manager, issue.id, CONTACT_ERASURE_TIMER);
    const payload: ContactErasurePayload = { eraseAfter: eraseAfter.toISOString() };
    await this.timers.schedule(manager, {
      tenantId: issue.tenantId,
      kind: CONTACT_ERASURE_TIMER,
      aggregateId: issue.id,
      dueAt: eraseAfter,
      payload,
    });
  }

  /** Erases the contact of a locked issue now and records who did it and why. Already erased: nothing happens. */
  async erase(
    manager: EntityManager,
    issue: Issue,
    because: ContactErasureReason,
    actor: CaseActor,
    now: Date,
    note: string,
  ): Promise<void> {
    if (issue.contactErasedAt !== null) return;
    const details = withoutReporterIds(issue.intakeDetails);
    await manager.query(
      `UPDATE issues SET reporter_name = NULL, reporter_phone = NULL, reporter_email = NULL, intake_details = $3::jsonb,
              contact_erased_at = $4, contact_erased_because = $5
        WHERE tenant_id = $1 AND id = $2`,
      [issue.tenantId, issue.id, JSON.stringify(details), now, because],
    );
    await this.timers.cancel(manager, issue.id, CONTACT_ERASURE_TIMER);
    Object.assign(issue, {
      reporterName: null,
      reporterPhone: null,
      reporterEmail: null,
      intakeDetails: details,
      contactErasedAt: now,
      contactErasedBecause: because,
    });
    await appendCaseHistory(manager, issue, actor, 'contact-erased', note, now);
  }
}
