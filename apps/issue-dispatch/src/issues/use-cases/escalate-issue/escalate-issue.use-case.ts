import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DurableTimer, TimerPoller } from '@gridline/scheduling';
import { CaseEscalation } from '../../case-escalation';
import { CaseWorkflow, systemActor } from '../../case-workflow';
import { Issue } from '../../issue.entity';
import { ACK_DEADLINE_TIMER, AckDeadlinePayload, RESOLVE_DEADLINE_TIMER } from '../../issue-timers';

const escalationActor = systemActor('escalation');
const asClock = { capacity: 'district-staff', role: 'system', gridId: null } as const;

/**
 * Runs when an acknowledgement or resolve deadline passes. Inside the timer's transaction it re-reads the case
 * under a row lock; if the case is still waiting on that very deadline (same depth, not parked, deadline not
 * moved by an extension), it moves one level up with fresh deadlines, records it, announces it and sets the
 * next timers. A stale timer does nothing.
 */
@Injectable()
export class EscalateIssueUseCase implements OnModuleInit {
  constructor(
    private readonly poller: TimerPoller,
    private readonly workflow: CaseWorkflow,
    private readonly escalation: CaseEscalation,
  ) {}

  onModuleInit(): void {
    this.poller.register(ACK_DEADLINE_TIMER, (timer, manager) => this.onDeadline(timer, manager, 'ack'));
    this.poller.register(RESOLVE_DEADLINE_TIMER, (timer, manager) => this.onDeadline(timer, manager, 'resolve'));
  }

  async onDeadline(timer: DurableTimer, manager: EntityManager, clock: 'ack' | 'resolve'): Promise<void> {
    const { depth } = timer.payload as AckDeadlinePayload;
    const issue = await manager.findOne(Issue, {
      where: { id: timer.aggregateId, tenantId: timer.tenantId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!issue || !this.stillDue(issue, clock, depth, timer.dueAt)) return; // handled or moved on meanwhile

    const step = this.workflow.step(manager, issue, escalationActor, asClock);
    const moved = await this.escalation.moveUp(step, clock === 'ack' ? 'ack-timeout' : 'resolve-timeout');
    if (!moved) await this.escalation.remind(step, clock);
    await manager.save(issue);
  }

  private stillDue(issue: Issue, clock: 'ack' | 'resolve', depth: number, dueAt: Date): boolean {
    if (issue.parkedAt !== null || issue.escalationDepth !== depth) return false;
    if (clock === 'ack')
      return (
        issue.state === 'dispatched' && issue.ackDeadline !== null && issue.ackDeadline.getTime() <= dueAt.getTime()
      );
    const open = issue.state === 'dispatched' || issue.state === 'acknowledged' || issue.state === 'in-progress';
    return open && issue.resolveDeadline !== null && issue.resolveDeadline.getTime() <= dueAt.getTime();
  }
}
