import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DurableTimer, DurableTimers, TimerPoller, TimerRequest } from '@gridline/scheduling';
import { IssueFacts, isOverdue } from '../../../issues/domain/issue-facts';
import { IssueFact } from '../../../issues/issue-fact.entity';
import { overdueCheckAt, overdueMessageOf } from '../../domain/feed-message';
import { FEED_CONFIG, FeedConfig } from '../../feed.config';
import { FeedPublisher } from '../../feed-publisher';

export const OVERDUE_CHECK_TIMER = 'analytics.overdue-check';

/**
 * Announces a case whose deadline passed with nobody acting on it (ADR 0019). One durable timer per open case with
 * a running clock, moved whenever its deadline moves; when it fires and the case still has that deadline, the
 * feed gets one `overdue` message. Issue-dispatch's reminders at the city centre are not on the public stream,
 * so a case there is announced once per deadline analytics knows of.
 */
@Injectable()
export class AnnounceOverdueUseCase implements OnModuleInit {
  constructor(
    private readonly poller: TimerPoller,
    private readonly timers: DurableTimers,
    private readonly publisher: FeedPublisher,
    @Inject(FEED_CONFIG) private readonly config: FeedConfig,
  ) {}

  onModuleInit(): void {
    this.poller.register(OVERDUE_CHECK_TIMER, (timer, manager) => this.onDue(timer, manager));
  }

  /** Moves the case's check when its deadline or level changed, in the projection's transaction. */
  async watch(manager: EntityManager, before: IssueFacts | null, after: IssueFacts): Promise<void> {
    await this.watchMany(manager, [{ before, after }]);
  }

  /**
   * The same for many cases at once (a batch of the projection, ADR 0033): one DELETE for every check that moves,
   * one INSERT for every new one. `before` is a case's state before the batch and `after` its state after it; the
   * checks it would have had in between are never seen by anyone, so skipping them changes nothing.
   */
  async watchMany(
    manager: EntityManager,
    changes: ReadonlyArray<{ readonly before: IssueFacts | null; readonly after: IssueFacts }>,
  ): Promise<void> {
    const cancelled: string[] = [];
    const scheduled: TimerRequest[] = [];
    for (const { before, after } of changes) {
      const was = before ? overdueCheckAt(before, this.config.overdueGraceSeconds) : null;
      const now = overdueCheckAt(after, this.config.overdueGraceSeconds);
      if (was?.getTime() === now?.getTime()) continue;
      if (was) cancelled.push(after.issueId);
      if (now && after.currentDeadline) {
        scheduled.push({
          tenantId: after.tenantId,
          kind: OVERDUE_CHECK_TIMER,
          aggregateId: after.issueId,
          dueAt: now,
          payload: { deadline: after.currentDeadline.toISOString() },
        });
      }
    }
    await this.timers.cancelMany(manager, cancelled, OVERDUE_CHECK_TIMER);
    await this.timers.scheduleMany(manager, scheduled);
  }

  async onDue(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const facts = await manager.findOneBy(IssueFact, { tenantId: timer.tenantId, issueId: timer.aggregateId });
    const deadline = (timer.payload as { deadline?: string }).deadline;
    if (!facts || !deadline || facts.currentDeadline?.toISOString() !== deadline) return;
    const now = new Date();
    if (!isOverdue(facts, now)) return;
    // A check long past (analytics was down, or the stream is being replayed) is not news any more.
    if (now.getTime() - timer.dueAt.getTime() > this.config.maxAgeSeconds * 1000) return;
    await this.publisher.publish(overdueMessageOf(facts, facts.currentDeadline));
  }
}
