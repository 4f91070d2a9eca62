import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { shouldErase } from '@gridline/personal-data';
import { DurableTimer, TimerPoller } from '@gridline/scheduling';
import { systemActor } from '../../../issues/case-workflow';
import { isFinished } from '../../../issues/domain/case-state-machine';
import { Issue } from '../../../issues/issue.entity';
import { CONTACT_ERASURE_TIMER, ContactErasurePayload } from '../../contact-erasure-timer';
import { ReporterContactErasure } from '../../reporter-contact-erasure';

const retentionActor = systemActor('retention');

/**
 * Runs when a finished case's retention period ends. Inside the timer's transaction it re-reads the case under a
 * row lock and erases the reporter's contact only if the case is still finished by the same finish the timer was
 * set for (a case that came back into the loop keeps its contact); the case itself is kept.
 */
@Injectable()
export class EraseExpiredContactUseCase implements OnModuleInit {
  constructor(
    private readonly poller: TimerPoller,
    private readonly erasure: ReporterContactErasure,
  ) {}

  onModuleInit(): void {
    this.poller.register(CONTACT_ERASURE_TIMER, (timer, manager) => this.onDue(timer, manager));
  }

  async onDue(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const { eraseAfter } = timer.payload as ContactErasurePayload;
    const issue = await manager.findOne(Issue, {
      where: { id: timer.aggregateId, tenantId: timer.tenantId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!issue) return;
    const due = shouldErase({
      scheduledFor: new Date(eraseAfter),
      currentlyFor: isFinished(issue.state) ? issue.contactEraseAfter : null,
      alreadyErased: issue.contactErasedAt !== null,
    });
    if (!due) return;
    const note = `the district's retention period after the case was ${issue.state} ended (${eraseAfter})`;
    await this.erasure.erase(manager, issue, 'retention-period', retentionActor, new Date(), note);
  }
}
