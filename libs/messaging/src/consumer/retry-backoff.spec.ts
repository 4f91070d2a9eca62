import { retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  const policy = { baseMs: 200, maxMs: 5_000 };
  const noJitter = () => 0.5;

  it('doubles the delay with each retry', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, policy, noJitter))).toEqual([200, 400, 800, 1600]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(20, policy, noJitter)).toBe(5_000);
  });

  it('spreads retries by at most 20% either way', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(160);
    expect(retryDelayMs(1, policy, () => 0.999999)).toBe(240);
  });
});
