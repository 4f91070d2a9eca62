import { DynamicModule, Module } from '@nestjs/common';
import { SubscriptionSpec, Topics } from '@gridline/contracts';
import { MessagingModule, messagingEntities, provideEventServer } from '@gridline/messaging';
import { DatabaseModule, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { BenchSchema1764900000000 } from './bench-schema.migration';
import { effectRecordingEventsFor, FirstEventClock, setBasedEffectEventsFor } from './effect-recording.handler';

/** The consumer group the inbox benchmark declares, as a service module would (its dead-letter topic is made by the benchmark). */
export const BENCH_CONSUMER_GROUP = 'bench.inbox';
/** The group of the same benchmark with the set-based handler, reading the same events again. */
export const BENCH_SET_BASED_CONSUMER_GROUP = 'bench.inbox-set-based';

const benchSubscription = (group: string): SubscriptionSpec => ({
  group,
  service: 'issue-dispatch',
  topics: [Topics.issueEvents.name],
  description: 'The inbox benchmark: every IssueReported once, with one effect row each.',
});

export interface BenchAppOptions {
  /**
   * Declare a consumer group on the issue-events topic, which starts reading as the context boots: `per-event`
   * (group bench.inbox) writes each effect row in its own statement, `set-based` (bench.inbox-set-based) a batch's
   * rows in one.
   */
  readonly withConsumer: false | 'per-event' | 'set-based';
}

/**
 * A minimal "service" wired exactly like the real ones (config, database with migrations, messaging,
 * scheduling), so the figures measure the libs as services run them.
 */
@Module({})
export class BenchAppModule {
  static with(config: ServiceConfig, options: BenchAppOptions): DynamicModule {
    const setBased = options.withConsumer === 'set-based';
    const subscription = benchSubscription(setBased ? BENCH_SET_BASED_CONSUMER_GROUP : BENCH_CONSUMER_GROUP);
    const handlers = options.withConsumer
      ? [setBased ? setBasedEffectEventsFor(subscription) : effectRecordingEventsFor(subscription)]
      : [];
    return {
      module: BenchAppModule,
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [...messagingEntities, DurableTimer],
          migrations: [BenchSchema1764900000000],
        }),
        MessagingModule,
        SchedulingModule,
      ],
      controllers: handlers,
      providers: options.withConsumer ? [FirstEventClock, provideEventServer(subscription)] : [],
    };
  }
}
