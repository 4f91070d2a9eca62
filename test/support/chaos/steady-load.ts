import { randomUUID } from 'node:crypto';
import { sleep } from '@gridline/testing';

/** What a client saw while it retried one request until it was accepted (or gave up). */
export interface Submission {
  readonly accepted: boolean;
  readonly status: number;
  readonly body: any;
  /** Answers before the accepted one: HTTP status, or 0 for a connection that failed or was cut. */
  readonly failedAttempts: readonly number[];
  readonly startedAt: number;
  readonly answeredAt: number;
}

export interface RetryingClientOptions {
  /** The replicas' base URLs, asked in turn; a call goes to the next one after a failure. */
  readonly baseUrls: () => readonly string[];
  readonly token: () => Promise<string>;
  /** Give up on one request after this long (a fault that lasts longer is a failure to report). */
  readonly giveUpAfterMs: number;
}

/**
 * A well-behaved client, as the README tells integrators to be: one Idempotency-Key per intended change, the same
 * key on every retry, a retry after a 503 (its Retry-After), a 5xx or a cut connection, and another replica tried
 * each time. A 4xx other than 503 is an answer and ends the request.
 */
export class RetryingClient {
  private turn = 0;

  constructor(private readonly options: RetryingClientOptions) {}

  async post(path: string, body: unknown): Promise<Submission> {
    const key = randomUUID();
    const startedAt = Date.now();
    const failedAttempts: number[] = [];
    for (;;) {
      const urls = this.options.baseUrls();
      const base = urls[this.turn++ % urls.length];
      let status = 0;
      let parsed: any = null;
      let retryAfterMs = 250;
      try {
        const response = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await this.options.token()}`,
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        status = response.status;
        const text = await response.text();
        parsed = text ? JSON.parse(text) : null;
        const retryAfter = Number(response.headers.get('retry-after'));
        if (retryAfter > 0) retryAfterMs = Math.min(retryAfter * 1000, 5_000);
      } catch {
        status = 0;
      }
      if (status !== 0 && status < 500)
        return { accepted: status < 300, status, body: parsed, failedAttempts, startedAt, answeredAt: Date.now() };
      failedAttempts.push(status);
      if (Date.now() - startedAt > this.options.giveUpAfterMs)
        return { accepted: false, status, body: parsed, failedAttempts, startedAt, answeredAt: Date.now() };
      await sleep(retryAfterMs);
    }
  }
}

/**
 * Starts `job(i)` at a steady rate for `durationMs`, without waiting for earlier jobs (an open workload: a slow
 * service does not slow the arrivals), and resolves when every job has finished.
 */
export async function runSteady<T>(
  ratePerSecond: number,
  durationMs: number,
  job: (index: number) => Promise<T>,
): Promise<T[]> {
  const began = Date.now();
  const running: Array<Promise<T>> = [];
  for (let index = 0; ; index += 1) {
    const at = began + (index * 1000) / ratePerSecond;
    if (at - began >= durationMs) break;
    const wait = at - Date.now();
    if (wait > 0) await sleep(wait);
    running.push(job(index));
  }
  return Promise.all(running);
}
