import { Controller, Get, HttpStatus, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { Public } from '../auth/permit.decorator';
import { REDIS } from '../redis/redis.token';
import { KAFKA_HEALTH, KafkaHealthSource } from './kafka-health.token';

/** A check that has not answered in this long counts as down: a probe must not hang on a dead connection. */
const CHECK_TIMEOUT_MS = 1_500;

/**
 * Liveness and readiness for an orchestrator (Kubernetes probes) and for the launchers of tests and `npm start`.
 * Live checks nothing outside the process, so losing the broker or the database makes a pod unready, never
 * restarted; ready needs PostgreSQL, Redis (where the service uses it) and Kafka (producer connected, every
 * consumer group joined).
 */
@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(REDIS) private readonly redis?: Redis,
    @Optional() @Inject(KAFKA_HEALTH) private readonly kafka?: KafkaHealthSource,
  ) {}

  @Get('live')
  @ApiOkResponse({
    description: 'The process answers. Checks no dependency, so an outage elsewhere never gets it restarted.',
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({
    description: 'PostgreSQL, Redis and Kafka (producer connected, every consumer group joined) answer.',
  })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down or Kafka is still connecting or rebalancing; `details` says which.',
  })
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.readiness(response);
  }

  /** Kept for scripts and older probes: the same as `/health/ready`. */
  @Get()
  @ApiOkResponse({ description: 'The same as /health/ready.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; see /health/ready.' })
  legacy(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.readiness(response);
  }

  private async readiness(response: Response): Promise<HealthCheckResult> {
    const checks: HealthIndicatorFunction[] = [
      () => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }),
    ];
    const redis = this.redis;
    if (redis) {
      checks.push(async () => {
        const session = this.indicators.check('redis');
        try {
          // The client fails fast while disconnected (no offline queue); the timeout covers a server that hangs.
          await Promise.race([
            redis.ping(),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
            ),
          ]);
          return session.up();
        } catch (error) {
          return session.down({ message: (error as Error).message });
        }
      });
    }
    const kafka = this.kafka;
    if (kafka) {
      checks.push(() => {
        const { ready, ...state } = kafka.readiness();
        const session = this.indicators.check('kafka');
        return ready ? session.up(state) : session.down(state);
      });
    }
    try {
      return await this.health.check(checks);
    } catch (error) {
      // Terminus's own body (status, info, error, details) rather than the API error format: probes and operators read it.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
