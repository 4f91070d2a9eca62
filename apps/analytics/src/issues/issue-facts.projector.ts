import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, IssueEscalated, Subscriptions } from '@gridline/contracts';
import { HandleEvent, isEvent, KafkaEventContext, PermanentEventError } from '@gridline/messaging';
import { upsertRows } from '@gridline/platform';
import { FeedMessage, feedMessageOf } from '../feed/domain/feed-message';
import { FEED_CONFIG, FeedConfig } from '../feed/feed.config';
import { FeedPublisher } from '../feed/feed-publisher';
import { AnnounceOverdueUseCase } from '../feed/use-cases/announce-overdue/announce-overdue.use-case';
import { applyIssueEvent, emptyIssueFacts, IssueFacts } from './domain/issue-facts';
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
@Controller()
export class IssueFactsProjector {
  constructor(
    private readonly publisher: FeedPublisher,
    private readonly overdue: AnnounceOverdueUseCase,
    @Inject(FEED_CONFIG) private readonly feed: FeedConfig,
  ) {}

  /**
   * A batch of the stream at once (ADR 0033): the cases it touches are read and locked in one query (in key
   * order, so two batches never wait on each other in a cycle), each event is folded in memory in stream order,
   * and the new rows, escalation steps and overdue checks are written with one statement each. All the folded
   * types go to this one method, so a case's events are folded in their stream order whatever their type.
   */
  @HandleEvent(foldedIssueEvents, Subscriptions.analyticsProjections, { batch: true })
  async project(
    @Payload() events: readonly CloudEvent[],
    @Ctx() { manager, afterCommit }: KafkaEventContext,
  ): Promise<void> {
    const changes = events.flatMap((event) => {
      const change = issueFactEventOf(event);
      if (!change) return [];
      const { tenantId, issueId } = event.data as { tenantId: string; issueId: string };
      if (tenantId !== event.tenantid)
        throw new PermanentEventError(
          `issue ${issueId} names tenant ${tenantId} but the event is for ${event.tenantid}`,
        );
      return [{ event, change, tenantId, issueId, key: `${tenantId}\u0000${issueId}` }];
    });
    if (changes.length === 0) return;

    const stored = await this.lockFacts(manager, [...new Map(changes.map((c) => [c.key, c])).values()]);
    const before = new Map<string, IssueFacts | null>();
    const after = new Map<string, IssueFacts>();
    const news: FeedMessage[] = [];
    for (const { event, change, tenantId, issueId, key } of changes) {
      if (!before.has(key)) before.set(key, stored.get(key) ?? null);
      const next = applyIssueEvent(after.get(key) ?? before.get(key) ?? emptyIssueFacts(tenantId, issueId), change);
      after.set(key, next);
      // Only news goes on the feed: not an event older than one already folded, nor one from a replay of old history.
      const newest = next.lastEventAt?.getTime() === change.at.getTime();
      const recent = Date.now() - change.at.getTime() <= this.feed.maxAgeSeconds * 1000;
      const message = newest && recent ? feedMessageOf(event, next) : null;
      if (message) news.push(message);
    }
    // After the commit: the board must not show a change the projection rolled back.
    if (news.length > 0) afterCommit(() => this.publisher.publishAll(news));
    await upsertRows(manager, IssueFact, [...after.values()], ['tenantId', 'issueId']);
    const escalations = changes.flatMap(({ event }) => (isEvent(event, IssueEscalated) ? [event] : []));
    if (escalations.length > 0) await this.recordSteps(manager, escalations);
    await this.overdue.watchMany(
      manager,
      [...after].map(([key, next]) => ({ before: before.get(key) ?? null, after: next })),
    );
  }

  /** The stored facts of the given cases, locked for this transaction, by `tenant\0issue`. */
  private async lockFacts(
    manager: EntityManager,
    keys: ReadonlyArray<{ tenantId: string; issueId: string }>,
  ): Promise<Map<string, IssueFact>> {
    const sorted = [...keys].sort((a, b) =>
      a.tenantId === b.tenantId ? (a.issueId < b.issueId ? -1 : 1) : a.tenantId < b.tenantId ? -1 : 1,
    );
    const rows = await manager
      .createQueryBuilder(IssueFact, 'f')
      .where('(f.tenant_id, f.issue_id) IN (SELECT * FROM unnest(:tenants::text[], :issues::text[]))', {
        tenants: sorted.map((k) => k.tenantId),
        issues: sorted.map((k) => k.issueId),
      })
      .orderBy('f.tenant_id')
      .addOrderBy('f.issue_id')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((row) => [`${row.tenantId}\u0000${row.issueId}`, row]));
  }

  private async recordSteps(
    manager: EntityManager,
    events: ReadonlyArray<CloudEvent<EventData<typeof IssueEscalated>>>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(EscalationStep)
      .values(
        events.map(({ data: d, time }) => ({
          tenantId: d.tenantId,
          issueId: d.issueId,
          depth: d.depth,
          fromLevel: d.fromLevel,
          fromGridId: d.fromGridId,
          toLevel: d.toLevel,
          toGridId: d.toGridId,
          reason: d.reason,
          at: new Date(time),
        })),
      )
      .orIgnore()
      .execute();
  }
}
