import { DynamicModule, Module } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import { GridReplica, GridReplicaModule, TenantReplica } from '@gridline/grid-replica';
import {
  MessagingModule,
  messagingEntities,
  OutboxCommitAnnouncement1764740000000,
  provideEventServer,
} from '@gridline/messaging';
import {
  AuthModule,
  DatabaseModule,
  HealthModule,
  RedisModule,
  ServiceConfig,
  ServiceConfigModule,
} from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { AnalyticsMode } from './analytics-mode';
import { BoardModule } from './board/board.module';
import { DistrictStreamsModule } from './district-streams/district-streams.module';
import { FeedConfig } from './feed/feed.config';
import { FeedModule } from './feed/feed.module';
import { issueEntities, IssuesModule } from './issues/issues.module';
import { KpisModule } from './kpis/kpis.module';
import { InitialSchema1764500000000 } from './migrations/1764500000000-initial-schema';
import { CaseLoopFacts1764570000000 } from './migrations/1764570000000-case-loop-facts';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { SummaryModule } from './summary/summary.module';
import { VolunteeringModule } from './volunteering/volunteering.module';

/**
 * Projections of every public event stream: the infrastructure, the grid replica and one module per feature. Reads
 * nothing but events; dropping the schema and replaying rebuilds every number.
 */
@Module({})
export class AnalyticsModule {
  static with(config: ServiceConfig, feedConfig: FeedConfig, mode: AnalyticsMode = 'live'): DynamicModule {
    // One feed for the service: the features that publish on it import this very module.
    const feed = FeedModule.with(feedConfig, mode);
    return {
      module: AnalyticsModule,
      // The features first: the OpenAPI document lists routes in module order, and theirs lead it.
      imports: [
        IssuesModule.with(feed),
        SummaryModule,
        BoardModule,
        KpisModule,
        feed,
        VolunteeringModule,
        // A rebuild copies nothing into the district topics.
        ...(mode === 'live' ? [DistrictStreamsModule] : []),
        HealthModule,
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [...messagingEntities, TenantReplica, GridReplica, ...issueEntities, DurableTimer],
          migrations: [
            InitialSchema1764500000000,
            CaseLoopFacts1764570000000,
            TimerTraceContext1764700000000,
            OutboxCommitAnnouncement1764740000000,
          ],
        }),
        MessagingModule,
        AuthModule,
        RedisModule,
        SchedulingModule,
        // Every public stream, read from the start: dropping the schema and replaying rebuilds every number.
        // The grid replica doubles as the district list and the grid counts per level. Internal topics (personal
        // data, e.g. member contacts) are never read here.
        GridReplicaModule.readIn({ subscription: Subscriptions.analyticsProjections }),
      ],
      // One consumer group for every projection: the grid replica's handlers above, IssuesModule's and
      // VolunteeringModule's. It is declared here, beside the replica, rather than in one of the features.
      providers: [provideEventServer(Subscriptions.analyticsProjections)],
    };
  }
}
