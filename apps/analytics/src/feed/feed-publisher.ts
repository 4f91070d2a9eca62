import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS, SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { FeedMessage } from './domain/feed-message';
import { FEED_CONFIG, FeedConfig } from './feed.config';
import { ANALYTICS_MODE, AnalyticsMode } from '../analytics-mode';

/** Redis names of the feed, under the run's topic prefix so parallel runs (and tests) never mix. */
export interface FeedKeys {
  /** The pub/sub channel every replica listens on. */
  readonly channel: string;
  /** The capped stream of recent messages for one district, or for the whole city (null). */
  buffer(tenantId: string | null): string;
}

export function feedKeysFor(prefix: string): FeedKeys {
  return {
    channel: `${prefix}analytics:feed`,
    buffer: (tenantId) =>
      tenantId === null ? `${prefix}analytics:feed-buffer:city` : `${prefix}analytics:feed-buffer:district:${tenantId}`,
  };
}

/**
 * Hands feed messages to every analytics replica (Redis pub/sub) and keeps the last `replaySize` of each district
 * and of the city in a capped Redis stream for reconnecting clients. Redis is not the record (DESIGN rule 8): when
 * it is away the message is dropped with a warning and the projection goes on; the board still tells the truth.
 */
@Injectable()
export class FeedPublisher {
  private readonly logger = new Logger('FeedPublisher');
  readonly keys: FeedKeys;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(FEED_CONFIG) private readonly feed: FeedConfig,
    @Inject(ANALYTICS_MODE) private readonly mode: AnalyticsMode,
  ) {
    this.keys = feedKeysFor(config.topicPrefix);
  }

  publish(message: FeedMessage): Promise<void> {
    return this.publishAll([message]);
  }

  /**
   * Several messages, in order, in one MULTI: a projected batch's news costs one round trip to Redis, not one a
   * message. When Redis is away they are dropped together, with a warning.
   */
  async publishAll(messages: readonly FeedMessage[]): Promise<void> {
    if (this.mode === 'rebuild' || messages.length === 0) return; // a rebuild folds history; the live service announced it
    const cap = String(this.feed.replaySize);
    const multi = this.redis.multi();
    for (const message of messages) {
      const json = JSON.stringify(message);
      multi
        .xadd(this.keys.buffer(message.tenantId), 'MAXLEN', '~', cap, '*', 'm', json)
        .xadd(this.keys.buffer(null), 'MAXLEN', '~', cap, '*', 'm', json)
        .publish(this.keys.channel, json);
    }
    try {
      await multi.exec();
    } catch (error) {
      const which = messages.length === 1 ? `feed message ${messages[0].id}` : `${messages.length} feed messages`;
      this.logger.warn(`${which} not published: ${(error as Error).message}`);
    }
  }

  /** The buffered messages of a district (or of the city), oldest first; empty when Redis is away. */
  async recent(tenantId: string | null): Promise<FeedMessage[]> {
    try {
      const entries = await this.redis.xrange(this.keys.buffer(tenantId), '-', '+');
      return entries.map(([, fields]) => JSON.parse(fields[1]) as FeedMessage);
    } catch (error) {
      this.logger.warn(`feed buffer not readable: ${(error as Error).message}`);
      return [];
    }
  }
}
