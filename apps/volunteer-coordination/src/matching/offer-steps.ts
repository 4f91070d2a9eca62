import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  OfferDeclined,
  OfferExpired,
  TaskAccepted,
  TaskCheckedIn,
  TaskCheckedOut,
  TaskCompleted,
} from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { Identity } from '@gridline/platform';
import { DurableTimers } from '@gridline/scheduling';
import { hoursOfMinutes, creditedMinutes } from '../hours/domain/service-minutes';
import { HoursLedger } from '../hours/hours-ledger';
import { nextOfferStatus, OfferAction } from './domain/offer-status';
import { MatchingErrors } from './matching-errors';
import { OfferAccess } from './offer-access';
import { OFFER_EXPIRY_TIMER } from './offer-timers';
import { TaskOffer } from './task-offer.entity';
import { TaskOffering } from './task-offering';

export interface OfferStep {
  readonly tenantId: string;
  readonly offerId: string;
  readonly action: OfferAction;
  /** Who did it (token subject, or `system:…`), recorded with hours. */
  readonly actor: string;
  readonly context: EventContext;
  readonly declineReason?: string;
  /** For `complete`: hours confirmed by the grid, instead of the checked-in time. */
  readonly confirmedMinutes?: number;
  readonly now?: Date;
}

const stepEvents = {
  accept: TaskAccepted,
  decline: OfferDeclined,
  expire: OfferExpired,
  'check-in': TaskCheckedIn,
  'check-out': TaskCheckedOut,
} as const;

/**
 * Moves one offer a step along its life inside the caller's transaction: task row locked first, then the offer
 * (always in that order, so concurrent answers cannot deadlock), the step checked against the offer's status
 * (409 ILLEGAL_TRANSITION), recorded and announced. A decline or expiry hands the place to the next candidate;
 * an acceptance may fill the task; completion credits the hours.
 */
@Injectable()
export class OfferSteps {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OfferAccess,
    private readonly offering: TaskOffering,
    private readonly timers: DurableTimers,
    private readonly ledger: HoursLedger,
    private readonly outbox: Outbox,
  ) {}

  /**
   * A step asked for over HTTP: may this person do it (answering and checking in/out: the volunteer or the grid;
   * confirming completion: the grid only), then the step in its own transaction.
   */
  async takeAs(
    identity: Identity,
    step: Omit<OfferStep, 'actor' | 'context'> & { readonly correlationId: string },
  ): Promise<TaskOffer> {
    await this.access.assert(identity, step.tenantId, step.offerId, step.action === 'complete' ? 'confirm' : 'answer');
    const { correlationId, ...rest } = step;
    return this.dataSource.transaction((manager) =>
      this.apply(manager, {
        ...rest,
        actor: identity.subject,
        context: EventContext.start(step.tenantId, correlationId),
      }),
    );
  }

  async apply(manager: EntityManager, step: OfferStep): Promise<TaskOffer> {
    const now = step.now ?? new Date();
    const found = await manager.findOneBy(TaskOffer, { tenantId: step.tenantId, id: step.offerId });
    if (!found) throw MatchingErrors.OFFER_NOT_FOUND(step.tenantId, step.offerId);
    const task = await this.offering.lockTask(manager, step.tenantId, found.taskId);
    const offer = await manager.findOne(TaskOffer, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
    if (!task || !offer) throw MatchingErrors.OFFER_NOT_FOUND(step.tenantId, step.offerId);
    const next = nextOfferStatus(offer.status, step.action);
    if (!next) throw MatchingErrors.ILLEGAL_TRANSITION(step.action, offer.status);
    // Every event of a task carries the correlation of what opened it (the issue, the request), whoever answers.
    const context: EventContext = task.correlationId
      ? { ...step.context, correlationId: task.correlationId }
      : step.context;

    offer.status = next;
    if (step.action === 'accept' || step.action === 'decline') offer.answeredAt = now;
    if (step.action === 'decline') offer.declineReason = step.declineReason ?? null;
    if (step.action === 'check-in') offer.checkedInAt = now;
    if (step.action === 'check-out') offer.checkedOutAt = now;
    if (step.action === 'complete') offer.completedAt = now;
    await manager.save(offer);
    if (step.action === 'accept' || step.action === 'decline')
      await this.timers.cancel(manager, offer.id, OFFER_EXPIRY_TIMER);

    const ref = {
      offerId: offer.id,
      taskId: task.id,
      tenantId: offer.tenantId,
      issueId: offer.issueId,
      volunteerId: offer.volunteerId,
      gridId: task.gridId,
      at: now.toISOString(),
    };
    if (step.action === 'complete') {
      const minutes = step.confirmedMinutes ?? creditedMinutes(offer.checkedInAt!, offer.checkedOutAt!);
      await this.outbox.add(manager, TaskCompleted, { ...ref, hours: hoursOfMinutes(minutes) }, context);
      await this.ledger.creditTask(
        manager,
        {
          tenantId: offer.tenantId,
          volunteerId: offer.volunteerId,
          minutes,
          taskId: task.id,
          offerId: offer.id,
          issueId: offer.issueId,
          gridId: task.gridId,
          occurredAt: offer.checkedInAt!,
          recordedBy: step.actor,
        },
        context,
      );
    } else {
      await this.outbox.add(manager, stepEvents[step.action], ref, context);
    }
    if (step.action === 'accept' || step.action === 'decline' || step.action === 'expire')
      await this.offering.fill(manager, task, context, now);
    return offer;
  }
}
