import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import { DurableTimer, DurableTimers } from '@gridline/scheduling';
import { CategoryPolicy } from '../categories/category-policy.entity';
import { ackDeadline } from './domain/ack-policy';
import { completeSnapshot, PolicySnapshot, resolveDeadline } from './domain/resolve-policy';
import { Issue } from './issue.entity';
import { ACK_DEADLINE_TIMER, AckDeadlinePayload, RESOLVE_DEADLINE_TIMER } from './issue-timers';

/**
 * A case's two clocks — acknowledge-by and resolve-by — kept as durable timers in the caller's transaction, so a
 * deadline on the issue row and its timer always commit together. Every timer carries the escalation depth it was
 * set for; the escalation handlers also compare the issue's current deadline with the timer's, so a timer left
 * behind by a moved deadline does nothing.
 */
@Injectable()
export class CaseClocks {
  constructor(private readonly timers: DurableTimers) {}

  /**
   * Locks the case's pending timers before the case itself, the order the timer poller takes them in, so an
   * action racing a firing timer waits for it instead of deadlocking with it.
   */
  async lockTimers(manager: EntityManager, issueId: string): Promise<void> {
    await manager.find(DurableTimer, {
      where: { aggregateId: issueId },
      select: { id: true },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The case's policy snapshot with resolve windows, completing (and freezing) it from the category if needed. */
  async snapshot(manager: EntityManager, issue: Issue): Promise<Required<PolicySnapshot>> {
    if (issue.policySnapshot.resolveWithinSeconds) return completeSnapshot(issue.policySnapshot, null);
    const category = await manager.findOneBy(CategoryPolicy, { tenantId: issue.tenantId, code: issue.category });
    const complete = completeSnapshot(issue.policySnapshot, category);
    issue.policySnapshot = complete;
    return complete;
  }

  async startAck(manager: EntityManager, issue: Issue, level: HolderLevel, now: Date): Promise<void> {
    const snapshot = await this.snapshot(manager, issue);
    issue.ackDeadline = ackDeadline(snapshot.ackWithinSeconds, level, now);
    await this.scheduleAck(manager, issue);
  }

  async startResolve(manager: EntityManager, issue: Issue, level: HolderLevel, now: Date): Promise<void> {
    const snapshot = await this.snapshot(manager, issue);
    issue.resolveDeadline = resolveDeadline(snapshot.resolveWithinSeconds, level, now);
    await this.scheduleResolve(manager, issue);
  }

  /** (Re)sets the ack timer to the issue's ack deadline. */
  async scheduleAck(manager: EntityManager, issue: Issue): Promise<void> {
    await this.timers.cancel(manager, issue.id, ACK_DEADLINE_TIMER);
    if (issue.ackDeadline) await this.schedule(manager, issue, ACK_DEADLINE_TIMER, issue.ackDeadline);
  }

  /** (Re)sets the resolve timer to the issue's resolve deadline. */
  async scheduleResolve(manager: EntityManager, issue: Issue): Promise<void> {
    await this.timers.cancel(manager, issue.id, RESOLVE_DEADLINE_TIMER);
    if (issue.resolveDeadline) await this.schedule(manager, issue, RESOLVE_DEADLINE_TIMER, issue.resolveDeadline);
  }

  async stopAck(manager: EntityManager, issue: Issue): Promise<void> {
    issue.ackDeadline = null;
    await this.timers.cancel(manager, issue.id, ACK_DEADLINE_TIMER);
  }

  async stopResolve(manager: EntityManager, issue: Issue): Promise<void> {
    issue.resolveDeadline = null;
    await this.timers.cancel(manager, issue.id, RESOLVE_DEADLINE_TIMER);
  }

  /** Cancels both timers but keeps the deadlines on the issue (parking remembers them). */
  async pause(manager: EntityManager, issue: Issue): Promise<void> {
    await this.timers.cancel(manager, issue.id, ACK_DEADLINE_TIMER);
    await this.timers.cancel(manager, issue.id, RESOLVE_DEADLINE_TIMER);
  }

  private async schedule(manager: EntityManager, issue: Issue, kind: string, dueAt: Date): Promise<void> {
    const payload: AckDeadlinePayload = { depth: issue.escalationDepth };
    await this.timers.schedule(manager, { tenantId: issue.tenantId, kind, aggregateId: issue.id, dueAt, payload });
  }
}
