import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IssueEscalated } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, Outbox } from '@gridline/messaging';
import { DurableTimer, DurableTimers, TimerPoller } from '@gridline/scheduling';
import { ackDeadline } from '../../domain/ack-policy';
import { nextHolder } from '../../domain/escalation-ladder';
import { Issue } from '../../issue.entity';
import { IssueHistoryEntry } from '../../issue-history.entity';
import { ACK_DEADLINE_TIMER, AckDeadlinePayload } from '../../issue-timers';

/**
 * Runs when an acknowledgement deadline passes. Inside the timer's transaction it re-reads the issue under a
 * row lock; if the issue is still waiting at the depth the timer was set for, it moves one level up with a
 * fresh deadline from the policy snapshot, records it, announces it, and sets the next timer.
 */
@Injectable()
export class EscalateIssueUseCase implements OnModuleInit {
  private readonly logger = new Logger('Escalation');

  constructor(
    private readonly poller: TimerPoller,
    private readonly timers: DurableTimers,
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.poller.register(ACK_DEADLINE_TIMER, (timer, manager) => this.onAckDeadline(timer, manager));
  }

  async onAckDeadline(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const { depth } = timer.payload as AckDeadlinePayload;
    const issue = await manager.findOne(Issue, { where: { id: timer.aggregateId, tenantId: timer.tenantId }, lock: { mode: 'pessimistic_write' } });
    if (!issue || issue.state !== 'dispatched' || issue.escalationDepth !== depth) return; // handled or moved on meanwhile

    const now = new Date();
    const current = { level: issue.holderLevel, gridId: issue.holderGridId };
    const lineage = issue.holderGridId ? await this.grids.lineage(issue.tenantId, issue.holderGridId, manager) : [];
    const target = nextHolder(current, lineage[0] ?? null, lineage[1] ?? null);
    const windows = issue.policySnapshot.ackWithinSeconds;

    if (!target) {
      // The city centre is the top: keep reminding, and mark the case critical.
      issue.critical = true;
      issue.ackDeadline = ackDeadline(windows, 'city', now);
      await manager.save(issue);
      await manager.insert(IssueHistoryEntry, { tenantId: issue.tenantId, issueId: issue.id, action: 'reminded', actor: 'system:escalation', holderLevel: 'city', holderGridId: null, reason: 'ack-timeout at the top', at: now });
      await this.timers.schedule(manager, { tenantId: issue.tenantId, kind: ACK_DEADLINE_TIMER, aggregateId: issue.id, dueAt: issue.ackDeadline, payload: { depth } });
      return;
    }

    const newDepth = issue.escalationDepth + 1;
    const deadline = ackDeadline(windows, target.level, now);
    issue.holderLevel = target.level;
    issue.holderGridId = target.gridId;
    issue.escalationDepth = newDepth;
    issue.ackDeadline = deadline;
    issue.critical = target.level === 'city';
    await manager.save(issue);
    await manager.insert(IssueHistoryEntry, { tenantId: issue.tenantId, issueId: issue.id, action: 'escalated', actor: 'system:escalation', holderLevel: target.level, holderGridId: target.gridId, reason: 'ack-timeout', at: now });
    await this.outbox.add(manager, IssueEscalated, {
      issueId: issue.id,
      tenantId: issue.tenantId,
      category: issue.category,
      fromGridId: current.gridId,
      fromLevel: current.level,
      toGridId: target.gridId,
      toLevel: target.level,
      reason: 'ack-timeout',
      depth: newDepth,
      ackDeadline: deadline.toISOString(),
      critical: issue.critical,
    }, EventContext.start(issue.tenantId, issue.correlationId));
    const payload: AckDeadlinePayload = { depth: newDepth };
    await this.timers.schedule(manager, { tenantId: issue.tenantId, kind: ACK_DEADLINE_TIMER, aggregateId: issue.id, dueAt: deadline, payload });
    this.logger.log(`issue ${issue.id} escalated ${current.level} → ${target.level} (depth ${newDepth})`);
  }
}
