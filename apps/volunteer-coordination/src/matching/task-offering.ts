import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RequestOffered, RequestUnfilled, TaskOffered, TaskUnmatched } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, Outbox, PendingEvent, pendingEvent } from '@gridline/messaging';
import { insertRowsTogether, rowsToInsert } from '@gridline/platform';
import { DurableTimers } from '@gridline/scheduling';
import { DEFAULT_TIME_ZONE } from '../volunteers/domain/local-time';
import { CandidatePool } from './candidate-pool';
import { assignedStatuses, offersToMake, taskStateAfter, TaskSlots } from './domain/offer-status';
import { RankedCandidate, rankCandidates } from './domain/rank-candidates';
import { OfferExpiries } from './offer-expiries';
import { OFFER_EXPIRY_TIMER } from './offer-timers';
import { TaskOffer } from './task-offer.entity';
import { VolunteerTask } from './volunteer-task.entity';

/** A task's offers so far: places taken, offers awaiting an answer, and everyone ever asked. */
interface OfferCounts {
  readonly assigned: number;
  readonly pending: number;
  readonly asked: string[];
}

/**
 * Keeps a task's places offered: after the task is created, and after every decline, expiry or acceptance, it
 * offers each place that is neither taken nor waiting for an answer to the next candidate in rank, each offer
 * with a durable expiry timer. When places remain and nobody is left to ask, the task is unfilled and the grid
 * leader is told once (TaskUnmatched for an issue, RequestUnfilled for a direct request).
 *
 * Callers hold the task row locked (FOR UPDATE, or just inserted) so two answers cannot offer the same place twice.
 */
@Injectable()
export class TaskOffering {
  private readonly logger = new Logger('Matching');

  constructor(
    private readonly grids: GridTree,
    private readonly candidates: CandidatePool,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
    private readonly expiries: OfferExpiries,
  ) {}

  async lockTask(manager: EntityManager, tenantId: string, taskId: string): Promise<VolunteerTask | null> {
    return manager.findOne(VolunteerTask, { where: { tenantId, id: taskId }, lock: { mode: 'pessimistic_write' } });
  }

  async fill(
    manager: EntityManager,
    task: VolunteerTask,
    context: EventContext,
    now: Date = new Date(),
  ): Promise<void> {
    const [counts]: OfferCounts[] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = ANY($2::text[]))::int AS assigned, count(*) FILTER (WHERE status = 'offered')::int AS pending,
              coalesce(array_agg(volunteer_id::text), '{}') AS asked
         FROM task_offers WHERE task_id = $1`,
      [task.id, assignedStatuses],
    );
    await this.offerOpenPlaces(manager, task, counts, null, context, now);
  }

  /**
   * `fill` for a task inserted in this transaction: it has no offers to count, and the caller has already read its
   * grid's lineage (the grid ids from the task's grid up to its street). Two statements fewer per issue that needs
   * help, the matching consumer's commonest event.
   */
  async fillNew(
    manager: EntityManager,
    task: VolunteerTask,
    lineage: readonly string[],
    context: EventContext,
    now: Date = new Date(),
  ): Promise<void> {
    await this.offerOpenPlaces(manager, task, { assigned: 0, pending: 0, asked: [] }, lineage, context, now);
  }

  private async offerOpenPlaces(
    manager: EntityManager,
    task: VolunteerTask,
    counts: OfferCounts,
    knownLineage: readonly string[] | null,
    context: EventContext,
    now: Date,
  ): Promise<void> {
    let slots: TaskSlots = { needed: task.needed, assigned: counts.assigned, pending: counts.pending };
    const wanted = offersToMake(slots);
    if (wanted > 0) {
      const lineage = knownLineage ?? (await this.lineageOf(manager, task));
      const chosen = await this.rank(manager, task, lineage, new Set(counts.asked), now);
      const expirySeconds = await this.expiries.seconds(task.tenantId);
      await this.offer(manager, task, chosen.slice(0, wanted), now, expirySeconds, context);
      slots = { ...slots, pending: slots.pending + Math.min(wanted, chosen.length) };
    }
    const state = taskStateAfter(slots);
    if (state === task.state) return;
    await manager.update(VolunteerTask, { id: task.id }, { state });
    task.state = state;
    if (state === 'unfilled') await this.announceUnfilled(manager, task, slots, counts.asked.length, context);
  }

  private async lineageOf(manager: EntityManager, task: VolunteerTask): Promise<string[]> {
    return (await this.grids.lineage(task.tenantId, task.gridId, manager)).map((grid) => grid.gridId);
  }

  private async rank(
    manager: EntityManager,
    task: VolunteerTask,
    lineage: readonly string[],
    alreadyAsked: ReadonlySet<string>,
    now: Date,
  ): Promise<RankedCandidate[]> {
    if (lineage.length === 0) return [];
    const candidates = await this.candidates.gather(manager, {
      tenantId: task.tenantId,
      streetId: lineage[lineage.length - 1],
      skill: task.skill,
      startsAt: task.startsAt,
      timeZone: DEFAULT_TIME_ZONE,
      now,
    });
    return rankCandidates(
      {
        need: { skill: task.skill, minLevel: task.minLevel, certificateRequired: task.certificateRequired },
        lineage,
        start: task.startsAt,
        end: task.endsAt,
        timeZone: DEFAULT_TIME_ZONE,
        alreadyAsked,
      },
      candidates,
    );
  }

  /**
   * Offers the task to the candidates: their offers, the offers' expiry timers and their events in one statement
   * (ADR 0046), then each volunteer's offer count.
   */
  private async offer(
    manager: EntityManager,
    task: VolunteerTask,
    candidates: readonly RankedCandidate[],
    now: Date,
    expirySeconds: number,
    context: EventContext,
  ): Promise<void> {
    if (candidates.length === 0) return;
    const expiresAt = new Date(now.getTime() + expirySeconds * 1000);
    const offers = candidates.map((candidate) =>
      manager.create(TaskOffer, {
        id: randomUUID(),
        tenantId: task.tenantId,
        taskId: task.id,
        issueId: task.issueId,
        volunteerId: candidate.volunteerId,
        skill: task.skill,
        issueGridId: task.gridId,
        matchedGridId: candidate.matchedGridId,
        status: 'offered',
        startsAt: task.startsAt,
        offeredAt: now,
        expiresAt,
      }),
    );
    const expiries = offers.map((offer) => ({
      tenantId: task.tenantId,
      kind: OFFER_EXPIRY_TIMER,
      aggregateId: offer.id,
      dueAt: expiresAt,
    }));
    const events = offers.map((offer) => this.offeredEvent(task, offer, context));
    await insertRowsTogether(manager, [
      rowsToInsert(TaskOffer, offers),
      this.timers.rowsOf(expiries),
      await this.outbox.rowsOf(manager, events),
    ]);
    await manager.query(
      `UPDATE volunteers SET offer_count = offer_count + 1 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [task.tenantId, offers.map((offer) => offer.volunteerId)],
    );
    for (const offer of offers)
      this.logger.log(
        `task ${task.id} (${task.skill}) offered to volunteer ${offer.volunteerId} of grid ${offer.matchedGridId}`,
      );
  }

  /** TaskOffered for an issue's task, RequestOffered for a direct request's. */
  private offeredEvent(task: VolunteerTask, offer: TaskOffer, context: EventContext): PendingEvent {
    const common = {
      offerId: offer.id,
      tenantId: task.tenantId,
      volunteerId: offer.volunteerId,
      skill: task.skill,
      matchedGridId: offer.matchedGridId,
      offeredAt: offer.offeredAt.toISOString(),
      expiresAt: offer.expiresAt!.toISOString(),
    };
    if (task.issueId !== null)
      return pendingEvent(
        TaskOffered,
        { ...common, issueId: task.issueId, issueGridId: task.gridId, taskId: task.id },
        context,
      );
    return pendingEvent(
      RequestOffered,
      {
        ...common,
        taskId: task.id,
        gridId: task.gridId,
        startsAt: task.startsAt.toISOString(),
        endsAt: task.endsAt.toISOString(),
      },
      context,
    );
  }

  private async announceUnfilled(
    manager: EntityManager,
    task: VolunteerTask,
    slots: TaskSlots,
    asked: number,
    context: EventContext,
  ): Promise<void> {
    if (task.issueId !== null) {
      await this.outbox.add(
        manager,
        TaskUnmatched,
        {
          tenantId: task.tenantId,
          issueId: task.issueId,
          skill: task.skill,
          issueGridId: task.gridId,
          taskId: task.id,
          asked,
        },
        context,
      );
    } else {
      await this.outbox.add(
        manager,
        RequestUnfilled,
        {
          taskId: task.id,
          tenantId: task.tenantId,
          gridId: task.gridId,
          skill: task.skill,
          needed: slots.needed,
          assigned: slots.assigned,
          asked,
        },
        context,
      );
    }
    this.logger.log(
      `task ${task.id}: nobody left to ask for ${task.skill} in grid ${task.gridId} (${slots.assigned}/${slots.needed} places taken, ${asked} asked)`,
    );
  }
}
