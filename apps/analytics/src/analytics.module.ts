import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import { GridReplica, GridReplicaModule, TenantReplica } from '@gridline/grid-replica';
import { MessagingModule, messagingEntities, provideEventServer } from '@gridline/messaging';
import {
  AuthModule,
  DatabaseModule,
  HealthModule,
  RedisModule,
  ServiceConfig,
  ServiceConfigModule,
} from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { ANALYTICS_MODE, AnalyticsMode } from './analytics-mode';
import { BoardController } from './board/board.controller';
import { DistrictStreamRouter } from './district-streams/district-stream-router';
import { ListBoardUseCase } from './board/use-cases/list-board/list-board.use-case';
import { FeedController } from './feed/feed.controller';
import { FEED_CONFIG, FeedConfig } from './feed/feed.config';
import { FeedHub } from './feed/feed-hub';
import { FeedPublisher } from './feed/feed-publisher';
import { FeedTokenMiddleware } from './feed/feed-token.middleware';
import { AnnounceOverdueUseCase } from './feed/use-cases/announce-overdue/announce-overdue.use-case';
import { OpenFeedUseCase } from './feed/use-cases/open-feed/open-feed.use-case';
import { EscalationStep } from './issues/escalation-step.entity';
import { IssueAnalyticsController } from './issues/issue-analytics.controller';
import { IssueAnalyticsReader } from './issues/issue-analytics.reader';
import { IssueFact } from './issues/issue-fact.entity';
import { IssueFactsProjector } from './issues/issue-facts.projector';
import { KpisController } from './kpis/kpis.controller';
import { ComputeKpisUseCase } from './kpis/use-cases/compute-kpis/compute-kpis.use-case';
import { BreakDownKpisUseCase } from './kpis/use-cases/break-down-kpis/break-down-kpis.use-case';
import { InitialSchema1764500000000 } from './migrations/1764500000000-initial-schema';
import { CaseLoopFacts1764570000000 } from './migrations/1764570000000-case-loop-facts';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { SummaryController } from './summary/summary.controller';
import { SummaryQueries } from './summary/summary.queries';
import { VolunteeringFactsProjector } from './volunteering/volunteering-facts.projector';

@Module({})
export class AnalyticsModule implements NestModule {
  static with(config: ServiceConfig, feed: FeedConfig, mode: AnalyticsMode = 'live'): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        HealthModule,
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [...messagingEntities, TenantReplica, GridReplica, IssueFact, EscalationStep, DurableTimer],
          migrations: [InitialSchema1764500000000, CaseLoopFacts1764570000000, TimerTraceContext1764700000000],
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
      controllers: [
        IssueAnalyticsController,
        SummaryController,
        BoardController,
        KpisController,
        FeedController,
        IssueFactsProjector,
        VolunteeringFactsProjector,
      ],
      providers: [
        { provide: FEED_CONFIG, useValue: feed },
        { provide: ANALYTICS_MODE, useValue: mode },
        IssueAnalyticsReader,
        SummaryQueries,
        ListBoardUseCase,
        ComputeKpisUseCase,
        BreakDownKpisUseCase,
        FeedPublisher,
        FeedHub,
        OpenFeedUseCase,
        AnnounceOverdueUseCase,
        // Each district's own copy of the public streams, for district analytics teams (ADR 0023); a rebuild copies nothing.
        ...(mode === 'live' ? [DistrictStreamRouter] : []),
        provideEventServer(Subscriptions.analyticsProjections),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FeedTokenMiddleware).forRoutes(FeedController);
  }
}
