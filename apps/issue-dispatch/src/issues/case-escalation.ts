import { Injectable, Logger } from '@nestjs/common';
import { IssueEscalated } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { CaseClocks } from './case-clocks';
import { ackDeadline } from './domain/ack-policy';
import { Holder, nextHolder } from './domain/escalation-ladder';
import { resolveDeadline } from './domain/resolve-policy';
import { CaseStep } from './case-workflow';

export type EscalationReason = 'ack-timeout' | 'resolve-timeout' | 'manual';

/**
 * Moves a case one level up the ladder (docs/adr/0006): the parent grid, above the street the district centre,
 * then the city centre. The new holder must acknowledge again (state `dispatched`) within a fresh window from the
 * snapshot; if the resolve clock was running, it restarts with the new level's window too. At the top, the case
 * is marked critical and the clock that ran out is re-armed as a reminder.
 */
@Injectable()
export class CaseEscalation {
  private readonly logger = new Logger('Escalation');

  constructor(
    private readonly grids: GridTree,
    private readonly clocks: CaseClocks,
  ) {}

  /** The holder above the case's current one, or null at the city centre. */
  async nextHolder(step: CaseStep): Promise<Holder | null> {
    const { issue, manager } = step;
    const lineage = issue.holderGridId ? await this.grids.lineage(issue.tenantId, issue.holderGridId, manager) : [];
    return nextHolder({ level: issue.holderLevel, gridId: issue.holderGridId }, lineage[0] ?? null, lineage[1] ?? null);
  }

  /** Escalates; returns false (changing nothing) when there is no higher holder. */
  async moveUp(step: CaseStep, reason: EscalationReason, note: string | null = null): Promise<boolean> {
    const { issue, manager, now } = step;
    const target = await this.nextHolder(step);
    if (!target) return false;
    const from = { level: issue.holderLevel, gridId: issue.holderGridId };
    const resolveRunning = issue.resolveDeadline !== null;

    issue.holderLevel = target.level;
    issue.holderGridId = target.gridId;
    issue.escalationDepth += 1;
    issue.critical = target.level === 'city';
    issue.state = 'dispatched';
    issue.assigneeSubject = null;
    issue.extensionRequestedUntil = null;
    issue.extensionReason = null;
    await this.clocks.startAck(manager, issue, target.level, now);
    if (resolveRunning) await this.clocks.startResolve(manager, issue, target.level, now);
    else await this.clocks.stopResolve(manager, issue);

    await step.record('escalated', note ? `${reason}: ${note}` : reason);
    await step.emit(IssueEscalated, {
      issueId: issue.id,
      tenantId: issue.tenantId,
      category: issue.category,
      fromGridId: from.gridId,
      fromLevel: from.level,
      toGridId: target.gridId,
      toLevel: target.level,
      reason,
      depth: issue.escalationDepth,
      ackDeadline: issue.ackDeadline?.toISOString() ?? null,
      resolveDeadline: issue.resolveDeadline?.toISOString() ?? null,
      critical: issue.critical,
    });
    this.logger.log(
      `issue ${issue.id} escalated ${from.level} → ${target.level} (${reason}, depth ${issue.escalationDepth})`,
    );
    return true;
  }

  /** At the top: critical, and the clock that ran out starts again as a reminder. */
  async remind(step: CaseStep, clock: 'ack' | 'resolve'): Promise<void> {
    const { issue, manager, now } = step;
    const snapshot = await this.clocks.snapshot(manager, issue);
    issue.critical = true;
    if (clock === 'ack') {
      issue.ackDeadline = ackDeadline(snapshot.ackWithinSeconds, issue.holderLevel, now);
      await this.clocks.scheduleAck(manager, issue);
    } else {
      issue.resolveDeadline = resolveDeadline(snapshot.resolveWithinSeconds, issue.holderLevel, now);
      await this.clocks.scheduleResolve(manager, issue);
    }
    await step.record('reminded', `${clock}-timeout at the top`);
  }
}
