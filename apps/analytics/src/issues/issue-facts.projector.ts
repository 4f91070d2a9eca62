import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, IssueAcknowledged, IssueDispatched, IssueEscalated, IssueQueued, IssueReported } from '@gridline/contracts';
import { EventHandler, HandlingContext, isEvent, PermanentEventError } from '@gridline/messaging';
import { applyIssueEvent, emptyIssueFacts, IssueFactEvent } from './domain/issue-facts';
import { EscalationStep } from './escalation-step.entity';
import { IssueFact } from './issue-fact.entity';

/**
 * Projects the public issue stream into `issue_facts` (one row per issue) and `escalation_steps` (one row per
 * escalation). The fold is idempotent by itself, so even a replay under new event ids leaves the numbers alone.
 */
@Injectable()
export class IssueFactsProjector implements EventHandler {
  readonly handles = [IssueReported, IssueQueued, IssueDispatched, IssueEscalated, IssueAcknowledged];

  async handle(event: CloudEvent, { manager }: HandlingContext): Promise<void> {
    const change = this.toFactEvent(event);
    if (!change) return;
    const { tenantId, issueId } = event.data as { tenantId: string; issueId: string };
    if (tenantId !== event.tenantid) throw new PermanentEventError(`issue ${issueId} names tenant ${tenantId} but the event is for ${event.tenantid}`);

    const current = await manager.findOne(IssueFact, { where: { tenantId, issueId }, lock: { mode: 'pessimistic_write' } });
    const next = applyIssueEvent(current ?? emptyIssueFacts(tenantId, issueId), change);
    await manager.upsert(IssueFact, next, ['tenantId', 'issueId']);
    if (isEvent(event, IssueEscalated)) await this.recordStep(manager, event);
  }

  private toFactEvent(event: CloudEvent): IssueFactEvent | null {
    if (isEvent(event, IssueReported)) {
      const d = event.data;
      return { kind: 'reported', category: d.category, channel: d.channel, gridId: d.gridId, reportedAt: new Date(d.reportedAt) };
    }
    if (isEvent(event, IssueQueued)) {
      // A report no grid could take yet: counted as reported; its grid comes with the centre's dispatch.
      const d = event.data;
      return { kind: 'reported', category: d.category, channel: d.channel, gridId: null, reportedAt: new Date(d.reportedAt) };
    }
    if (isEvent(event, IssueDispatched)) {
      // The payload has no dispatch time; the event's own time is when issue-dispatch recorded it.
      const d = event.data;
      return { kind: 'dispatched', category: d.category, gridId: d.gridId, level: d.level, at: new Date(event.time) };
    }
    if (isEvent(event, IssueEscalated)) {
      const d = event.data;
      return { kind: 'escalated', category: d.category, fromGridId: d.fromGridId, fromLevel: d.fromLevel, toGridId: d.toGridId, toLevel: d.toLevel, depth: d.depth, critical: d.critical };
    }
    if (isEvent(event, IssueAcknowledged)) {
      const d = event.data;
      return { kind: 'acknowledged', gridId: d.gridId, level: d.level, acknowledgedAt: new Date(d.acknowledgedAt) };
    }
    return null;
  }

  private async recordStep(manager: EntityManager, event: CloudEvent<EventData<typeof IssueEscalated>>): Promise<void> {
    const d = event.data;
    await manager
      .createQueryBuilder()
      .insert()
      .into(EscalationStep)
      .values({
        tenantId: d.tenantId,
        issueId: d.issueId,
        depth: d.depth,
        fromLevel: d.fromLevel,
        fromGridId: d.fromGridId,
        toLevel: d.toLevel,
        toGridId: d.toGridId,
        reason: d.reason,
        at: new Date(event.time),
      })
      .orIgnore()
      .execute();
  }
}
