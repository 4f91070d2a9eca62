import { performance } from 'node:perf_hooks';
import { sleep } from '@gridline/testing';

/** Milliseconds on a monotonic clock: wall-clock jumps must not show up as latency. */
export const now = (): number => performance.now();

/** Runs `work` and returns how long it took in milliseconds, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = now();
  const result = await work();
  return { ms: now() - started, result };
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : Number.POSITIVE_INFINITY;
}

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

/** Nearest-rank percentiles: with few samples they report a value that was observed, not an interpolation. */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) throw new Error('percentiles of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { p50: rank(50), p99: rank(99), max: sorted[sorted.length - 1], count: sorted.length };
}

/**
 * Polls `condition` until it holds. A tight in-process poll (no I/O) keeps the measurement error to about
 * `pollMs`, far below the figures measured; the timeout turns a stuck pipeline into a clear failure.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs: number,
  pollMs = 2,
): Promise<number> {
  const started = now();
  while (!(await condition())) {
    if (now() - started > timeoutMs)
      throw new Error(`bench: timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(pollMs);
  }
  return now();
}
