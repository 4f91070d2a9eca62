import { DynamicModule, Module, Provider } from '@nestjs/common';
import { SubscriptionSpec, Topics } from '@gridline/contracts';
import { MessagingModule, messagingEntities, provideEventConsumer } from '@gridline/messaging';
import { DatabaseModule, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { BenchSchema1764900000000 } from './bench-schema.migration';
import { EffectRecordingHandler } from './effect-recording.handler';

/** The consumer group the inbox benchmark declares, as a service module would (its dead-letter topic is made by the benchmark). */
export const BENCH_CONSUMER_GROUP = 'bench.inbox';

const benchSubscription: SubscriptionSpec = {
  group: BENCH_CONSUMER_GROUP,
  service: 'issue-dispatch',
  topics: [Topics.issueEvents.name],
  description: 'The inbox benchmark: every IssueReported once, with one effect row each.',
};

export interface BenchAppOptions {
  /** Declare a consumer group on the issue-events topic; it starts reading as the context boots. */
  readonly withConsumer: boolean;
}

/**
 * A minimal "service" wired exactly like the real ones (config, database with migrations, messaging,
 * scheduling), so the figures measure the libs as services run them.
 */
@Module({})
export class BenchAppModule {
  static with(config: ServiceConfig, options: BenchAppOptions): DynamicModule {
    const consumerProviders: Provider[] = options.withConsumer
      ? [
          EffectRecordingHandler,
          provideEventConsumer({ subscription: benchSubscription, handlers: [EffectRecordingHandler] }),
        ]
      : [];
    return {
      module: BenchAppModule,
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({ entities: [...messagingEntities, DurableTimer], migrations: [BenchSchema1764900000000] }),
        MessagingModule,
        SchedulingModule,
      ],
      providers: consumerProviders,
    };
  }
}
