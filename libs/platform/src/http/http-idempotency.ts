import { createHash } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../redis/redis.token';
import { ApiError, ConflictError, UnprocessableError } from './api-error';

const TTL_SECONDS = 24 * 60 * 60;
const PENDING = 'pending';

interface StoredResponse {
  readonly fingerprint: string;
  readonly body: unknown;
}

/**
 * `Idempotency-Key` for POSTs: a retried request with the same key and body gets the first response back and
 * creates nothing new. Redis holds the keys (shared by all replicas); losing them only re-opens the window for
 * a duplicate, never loses a case.
 */
@Injectable()
export class HttpIdempotency {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async run<T>(scope: string, key: string | undefined, request: unknown, action: () => Promise<T>): Promise<T> {
    if (key === undefined) return action();
    if (!/^[A-Za-z0-9._:-]{8,100}$/.test(key)) {
      throw new UnprocessableError('BAD_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8-100 letters, digits or ._:-', [{ field: 'Idempotency-Key', reason: 'malformed' }]);
    }
    const redisKey = `idempotency:${scope}:${key}`;
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const claimed = await this.guard(() => this.redis.set(redisKey, PENDING, 'EX', TTL_SECONDS, 'NX'));
    if (claimed !== 'OK') return this.replay<T>(redisKey, fingerprint);
    try {
      const body = await action();
      const stored: StoredResponse = { fingerprint, body };
      await this.guard(() => this.redis.set(redisKey, JSON.stringify(stored), 'EX', TTL_SECONDS));
      return body;
    } catch (error) {
      await this.redis.del(redisKey).catch(() => undefined);
      throw error;
    }
  }

  private async replay<T>(redisKey: string, fingerprint: string): Promise<T> {
    const value = await this.guard(() => this.redis.get(redisKey));
    if (value === null || value === PENDING) throw new ConflictError('IDEMPOTENT_REQUEST_IN_PROGRESS', 'a request with this Idempotency-Key is still being processed');
    const stored = JSON.parse(value) as StoredResponse;
    if (stored.fingerprint !== fingerprint) {
      throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request body', [{ field: 'Idempotency-Key', reason: 'reused with another body' }]);
    }
    return stored.body as T;
  }

  private async guard<R>(command: () => Promise<R>): Promise<R> {
    try {
      return await command();
    } catch {
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'IDEMPOTENCY_STORE_UNAVAILABLE', 'Idempotency-Key cannot be honoured right now (Redis unavailable); retry later or send without the key');
    }
  }
}
