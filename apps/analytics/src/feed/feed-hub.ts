import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import Redis from 'ioredis';
import { gridlineMetrics, REDIS } from '@gridline/platform';
import { FeedMessage } from './domain/feed-message';
import { FeedConnection } from './feed-connection';
import { FEED_CONFIG, FeedConfig } from './feed.config';
import { FeedPublisher } from './feed-publisher';

/**
 * This replica's side of the fan-out: one Redis subscription for the whole process, handing every message to the
 * feed connections open here, and one heartbeat timer for all of them.
 */
@Injectable()
export class FeedHub implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('FeedHub');
  private readonly connections = new Set<FeedConnection>();
  private subscriber: Redis | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopMetrics: (() => void) | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(FEED_CONFIG) private readonly config: FeedConfig,
    private readonly publisher: FeedPublisher,
  ) {}

  onModuleInit(): void {
    // A subscriber connection of its own; it waits for Redis and re-subscribes after a reconnect.
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    subscriber.on('error', (error: Error) => this.logger.warn(`feed subscription: ${error.message}`));
    subscriber.on('message', (_channel: string, json: string) => this.dispatch(json));
    subscriber
      .subscribe(this.publisher.keys.channel)
      .catch((error: Error) => this.logger.warn(`feed subscription failed: ${error.message}`));
    this.subscriber = subscriber;
    this.heartbeat = setInterval(() => this.beat(), this.config.heartbeatSeconds * 1000);
    this.heartbeat.unref();
    // Read from the set when scraped rather than counted up and down, so the gauge cannot drift from it.
    this.stopMetrics = gridlineMetrics.refreshOnScrape('feed connections', async () =>
      gridlineMetrics.sseConnections.set(this.connections.size),
    );
  }

  /** Open streams would keep the HTTP server from closing: end them, clients reconnect elsewhere. */
  beforeApplicationShutdown(): void {
    for (const connection of this.connections) connection.end();
    this.connections.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopMetrics?.();
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Registers a connection; returns how to remove it. */
  attach(connection: FeedConnection): () => void {
    this.connections.add(connection);
    return () => this.connections.delete(connection);
  }

  get openConnections(): number {
    return this.connections.size;
  }

  private dispatch(json: string): void {
    let message: FeedMessage;
    try {
      message = JSON.parse(json) as FeedMessage;
    } catch {
      this.logger.warn('dropped a malformed feed message');
      return;
    }
    for (const connection of this.connections) connection.deliver(message);
  }

  private beat(): void {
    for (const connection of this.connections) connection.comment('heartbeat');
  }
}
