import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, IssueEscalated } from '@gridline/contracts';
import { EventHandler, HandlingContext, isEvent, PermanentEventError } from '@gridline/messaging';
import { feedMessageOf } from '../feed/domain/feed-message';
import { FEED_CONFIG, FeedConfig } from '../feed/feed.config';
import { FeedPublisher } from '../feed/feed-publisher';
import { AnnounceOverdueUseCase } from '../feed/use-cases/announce-overdue/announce-overdue.use-case';
import { applyIssueEvent, emptyIssueFacts } from './domain/issue-facts';
import { EscalationStep } from './escalation-step.entity';
import { foldedIssueEvents, issueFactEventOf } from './issue-fact-events';
import { IssueFact } from './issue-fact.entity';

/**
 * Projects the public issue stream into `issue_facts` (one row per issue) and `escalation_steps` (one row per
 * escalation). The fold is idempotent by itself, so even a replay under new event ids leaves the numbers alone.
 * The same transaction moves the case's overdue check; a fresh dispatch, escalation, acknowledgement or closing
 * goes to the dispatch-centre feed once the transaction has committed (at least once: an event redelivered before
 * its offset was committed is published again under its own id, which each feed connection sends once).
 */
@Injectable()
export class IssueFactsProjector implements EventHandler {
  readonly handles = foldedIssueEvents;

  constructor(
    private readonly publisher: FeedPublisher,
    private readonly overdue: AnnounceOverdueUseCase,
    @Inject(FEED_CONFIG) private readonly feed: FeedConfig,
  ) {}

  async handle(event: CloudEvent, { manager, afterCommit }: HandlingContext): Promise<void> {
    const change = issueFactEventOf(event);
    if (!change) return;
    const { tenantId, issueId } = event.data as { tenantId: string; issueId: string };
    if (tenantId !== event.tenantid) throw new PermanentEventError(`issue ${issueId} names tenant ${tenantId} but the event is for ${event.tenantid}`);

    const current = await manager.findOne(IssueFact, { where: { tenantId, issueId }, lock: { mode: 'pessimistic_write' } });
    const next = applyIssueEvent(current ?? emptyIssueFacts(tenantId, issueId), change);
    await manager.upsert(IssueFact, next, ['tenantId', 'issueId']);
    if (isEvent(event, IssueEscalated)) await this.recordStep(manager, event);
    await this.overdue.watch(manager, current, next);

    // Only news goes on the feed: not an event older than one already folded, nor one from a replay of old history.
    const newest = next.lastEventAt?.getTime() === change.at.getTime();
    const recent = Date.now() - change.at.getTime() <= this.feed.maxAgeSeconds * 1000;
    const message = newest && recent ? feedMessageOf(event, next) : null;
    // After the commit: the board must not show a change the projection rolled back.
    if (message) afterCommit(() => this.publisher.publish(message));
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
