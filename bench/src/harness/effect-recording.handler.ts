import { Controller, Inject, Injectable, Type } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, EventData, IssueReported, SubscriptionSpec } from '@gridline/contracts';
import { HandleEvent, KafkaEventContext } from '@gridline/messaging';
import { now } from './measure';

/** When the consumer benchmark's handler saw its first event, in case that was before the application finished booting. */
@Injectable()
export class FirstEventClock {
  at: number | null = null;

  tick(): void {
    this.at ??= now();
  }
}

/** The consumer benchmark's handler, per event: one INSERT in the inbox transaction, the smallest effect a real projection has. */
export function effectRecordingEventsFor(subscription: SubscriptionSpec): Type<unknown> {
  @Controller()
  class EffectRecordingEvents {
    constructor(@Inject(FirstEventClock) private readonly clock: FirstEventClock) {}

    @HandleEvent(IssueReported, subscription)
    async record(
      @Payload() report: EventData<typeof IssueReported>,
      @Ctx() { event, manager }: KafkaEventContext,
    ): Promise<void> {
      this.clock.tick();
      await manager.query(`INSERT INTO bench_effects (event_id, issue_id) VALUES ($1, $2)`, [event.id, report.issueId]);
    }
  }
  return EffectRecordingEvents;
}

/** The same effect written set-based (ADR 0033): the batch's rows in one multi-row INSERT, as the hot projections write theirs. */
export function setBasedEffectEventsFor(subscription: SubscriptionSpec): Type<unknown> {
  @Controller()
  class SetBasedEffectEvents {
    constructor(@Inject(FirstEventClock) private readonly clock: FirstEventClock) {}

    @HandleEvent(IssueReported, subscription, { batch: true })
    async record(@Payload() events: readonly CloudEvent[], @Ctx() { manager }: KafkaEventContext): Promise<void> {
      this.clock.tick();
      await manager.query(
        `INSERT INTO bench_effects (event_id, issue_id) SELECT * FROM unnest($1::text[], $2::text[])`,
        [
          events.map((event) => event.id),
          events.map((event) => (event.data as EventData<typeof IssueReported>).issueId),
        ],
      );
    }
  }
  return SetBasedEffectEvents;
}
