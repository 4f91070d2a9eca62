import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS, SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';

export interface RateDecision {
  readonly allowed: boolean;
  /** Seconds until the current window ends (for Retry-After). */
  readonly retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;

/**
 * Requests per minute per bucket (a client address, or an API key), counted in Redis so every replica shares
 * the count: one INCR per request on a key that expires with its one-minute window. Redis is ephemeral
 * (DESIGN.md §3.8): when it does not answer, the limit fails open — a report is worth more than a limit — and a
 * warning is logged at most once a minute. Keys carry the environment's KAFKA_TOPIC_PREFIX, so environments
 * sharing one Redis (as they may share a Kafka cluster) do not share buckets.
 */
@Injectable()
export class Open311RateLimiter {
  private readonly logger = new Logger('Open311RateLimit');
  private lastWarning = 0;

  private readonly namespace: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SERVICE_CONFIG) config: Pick<ServiceConfig, 'topicPrefix'>,
  ) {
    this.namespace = `ratelimit:open311:${config.topicPrefix}`;
  }

  async consume(bucket: string, limitPerMinute: number, now = Date.now()): Promise<RateDecision> {
    const window = Math.floor(now / WINDOW_MS);
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
    const key = `${this.namespace}${bucket}:${window}`;
    try {
      const results = await this.redis
        .multi()
        .incr(key)
        .pexpire(key, 2 * WINDOW_MS)
        .exec();
      const [error, count] = results?.[0] ?? [new Error('no reply'), null];
      if (error) throw error;
      return { allowed: Number(count) <= limitPerMinute, retryAfterSeconds };
    } catch (error) {
      if (now - this.lastWarning > WINDOW_MS) {
        this.lastWarning = now;
        this.logger.warn(
          `rate limit not enforced: Redis did not answer (${error instanceof Error ? error.message : String(error)}); letting requests through`,
        );
      }
      return { allowed: true, retryAfterSeconds };
    }
  }
}
