import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { ANALYTICS_MODE, AnalyticsMode } from '../analytics-mode';
import { FEED_CONFIG, FeedConfig } from './feed.config';
import { FeedController } from './feed.controller';
import { FeedHub } from './feed-hub';
import { FeedPublisher } from './feed-publisher';
import { FeedTokenMiddleware } from './feed-token.middleware';
import { AnnounceOverdueUseCase } from './use-cases/announce-overdue/announce-overdue.use-case';
import { OpenFeedUseCase } from './use-cases/open-feed/open-feed.use-case';

/**
 * The dispatch-centre live feed (Server-Sent Events): what the projections announce reaches every analytics replica
 * through Redis, and each open connection gets it once, with a replay for reconnecting clients. A rebuild
 * (`mode` 'rebuild') announces nothing. The issues projection publishes here and moves the overdue checks, so the
 * publisher, the overdue use case and the feed settings are exported; the root builds this module once and hands
 * it to the features that publish (a second `with` would be a second FeedHub and Redis subscription).
 */
@Module({})
export class FeedModule implements NestModule {
  static with(config: FeedConfig, mode: AnalyticsMode): DynamicModule {
    return {
      module: FeedModule,
      imports: [GridReplicaModule],
      controllers: [FeedController],
      providers: [
        { provide: FEED_CONFIG, useValue: config },
        { provide: ANALYTICS_MODE, useValue: mode },
        FeedPublisher,
        FeedHub,
        OpenFeedUseCase,
        AnnounceOverdueUseCase,
      ],
      exports: [FEED_CONFIG, FeedPublisher, AnnounceOverdueUseCase],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // EventSource cannot send an Authorization header: the feed routes (only they) take ?access_token= as well.
    consumer.apply(FeedTokenMiddleware).forRoutes(FeedController);
  }
}
