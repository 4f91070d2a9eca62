import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { HttpIdempotency } from '../http/http-idempotency';

import { REDIS } from './redis.token';

export { REDIS };

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Redis holds shared, ephemeral state only (idempotency keys, rate limits, caches): losing it loses no case
 * and no event, so commands fail fast instead of queueing while it is away.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) =>
        new Redis(config.redisUrl, {
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectionName: config.serviceName,
        }),
    },
    RedisCloser,
    HttpIdempotency,
  ],
  exports: [REDIS, HttpIdempotency],
})
export class RedisModule {}
