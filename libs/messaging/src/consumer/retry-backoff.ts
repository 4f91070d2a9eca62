export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * Delay before retry number `attempt` (1 = the first retry): exponential, capped, with up to ±20% jitter so
 * replicas that failed together do not retry together. `random` is injectable for tests.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(exponential, policy.maxMs);
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(capped * jitter);
}
