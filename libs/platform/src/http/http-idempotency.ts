import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../redis/redis.token';
import { IdempotencyErrors } from './idempotency-errors';
import { IdempotentReplay, withIdempotencyClaim } from './idempotency-claim';

const TTL_SECONDS = 24 * 60 * 60;
const PENDING = 'pending';

interface StoredResponse {
  readonly fingerprint: string;
  readonly body: unknown;
}

/**
 * `Idempotency-Key` for POSTs: a retried request with the same key and body gets the first response back and
 * creates nothing new.
 *
 * Two stores, for two jobs. PostgreSQL is the truth: the action's transaction records the key with its change
 * (`idempotency_keys`, written by the outbox with the first event), so a concurrent duplicate waits for the first
 * and a retry after a crash finds it — even a crash after the commit and before the answer was kept. Redis keeps
 * the answer for 24 h (shared by all replicas), so a retry normally gets it back byte for byte; when the answer was
 * lost with its process, `rebuild` answers from what the first request made, or a 409 says it is done.
 */
@Injectable()
export class HttpIdempotency {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async run<T>(
    scope: string,
    key: string | undefined,
    request: unknown,
    action: () => Promise<T>,
    rebuild?: (subject: string) => Promise<T>,
  ): Promise<T> {
    if (key === undefined) return action();
    if (!/^[A-Za-z0-9._:-]{8,100}$/.test(key)) {
      throw IdempotencyErrors.BAD_IDEMPOTENCY_KEY();
    }
    const redisKey = `idempotency:${scope}:${key}`;
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const claimed = (await this.guard(() => this.redis.set(redisKey, PENDING, 'EX', TTL_SECONDS, 'NX'))) === 'OK';
    if (!claimed) {
      const answered = await this.storedAnswer<T>(redisKey, fingerprint);
      if (answered !== undefined) return answered;
      // Marked pending: in flight elsewhere, or its process died before keeping the answer. The database decides:
      // a duplicate of a request in flight waits for it in its transaction and then replays it; a request whose
      // first attempt died before committing simply runs.
    }
    try {
      const body = await withIdempotencyClaim({ scope, key, fingerprint, recordedIn: new WeakSet() }, action);
      await this.guard(() =>
        this.redis.set(redisKey, JSON.stringify({ fingerprint, body } satisfies StoredResponse), 'EX', TTL_SECONDS),
      );
      return body;
    } catch (error) {
      if (error instanceof IdempotentReplay) return this.replayCommitted(redisKey, fingerprint, error, rebuild);
      if (claimed) await this.redis.del(redisKey).catch(() => undefined);
      throw error;
    }
  }

  /** The first request committed: its kept answer, or one rebuilt from what it made. */
  private async replayCommitted<T>(
    redisKey: string,
    fingerprint: string,
    replay: IdempotentReplay,
    rebuild?: (subject: string) => Promise<T>,
  ): Promise<T> {
    if (replay.fingerprint !== fingerprint) throw IdempotencyErrors.IDEMPOTENCY_KEY_REUSED();
    const answered = await this.storedAnswer<T>(redisKey, fingerprint).catch(() => undefined);
    if (answered !== undefined) return answered;
    if (rebuild) return rebuild(replay.subject);
    throw IdempotencyErrors.IDEMPOTENT_REQUEST_COMPLETED();
  }

  /** The answer kept for this key, if there is one; undefined while only marked pending. */
  private async storedAnswer<T>(redisKey: string, fingerprint: string): Promise<T | undefined> {
    const value = await this.guard(() => this.redis.get(redisKey));
    if (value === null || value === PENDING) return undefined;
    const stored = JSON.parse(value) as StoredResponse;
    if (stored.fingerprint !== fingerprint) throw IdempotencyErrors.IDEMPOTENCY_KEY_REUSED();
    return stored.body as T;
  }

  private async guard<R>(command: () => Promise<R>): Promise<R> {
    try {
      return await command();
    } catch {
      throw IdempotencyErrors.IDEMPOTENCY_STORE_UNAVAILABLE();
    }
  }
}
