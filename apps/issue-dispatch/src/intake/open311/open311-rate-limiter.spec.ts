import Redis from 'ioredis';
import { Open311RateLimiter } from './open311-rate-limiter';

/** A stand-in for the few Redis commands the limiter sends: INCR + PEXPIRE in MULTI. */
function fakeRedis(options: { down?: boolean } = {}) {
  const counts = new Map<string, number>();
  return {
    counts,
    multi() {
      let key = '';
      const chain = {
        incr: (k: string) => ((key = k), chain),
        pexpire: () => chain,
        exec: async () => {
          if (options.down) throw new Error('Connection is closed.');
          counts.set(key, (counts.get(key) ?? 0) + 1);
          return [
            [null, counts.get(key)],
            [null, 1],
          ];
        },
      };
      return chain;
    },
  };
}

describe('Open311RateLimiter', () => {
  const minute = 29_000_000 * 60_000;

  it('lets the limit through in one minute and refuses the next request until the window turns', async () => {
    const limiter = new Open311RateLimiter(fakeRedis() as unknown as Redis, { topicPrefix: '' });
    for (let i = 0; i < 3; i += 1) expect((await limiter.consume('ip:1.2.3.4', 3, minute + 1000)).allowed).toBe(true);
    expect(await limiter.consume('ip:1.2.3.4', 3, minute + 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await limiter.consume('ip:5.6.7.8', 3, minute + 15_000)).allowed).toBe(true);
    expect((await limiter.consume('ip:1.2.3.4', 3, minute + 60_000)).allowed).toBe(true);
  });

  it('keeps the buckets of environments sharing one Redis apart', async () => {
    const redis = fakeRedis();
    const staging = new Open311RateLimiter(redis as unknown as Redis, { topicPrefix: 'staging.' });
    const production = new Open311RateLimiter(redis as unknown as Redis, { topicPrefix: '' });
    expect((await staging.consume('ip:1.2.3.4', 1, minute)).allowed).toBe(true);
    expect((await production.consume('ip:1.2.3.4', 1, minute)).allowed).toBe(true);
    expect((await staging.consume('ip:1.2.3.4', 1, minute)).allowed).toBe(false);
    expect([...redis.counts.keys()].sort()).toEqual([
      `ratelimit:open311:ip:1.2.3.4:${minute / 60_000}`,
      `ratelimit:open311:staging.ip:1.2.3.4:${minute / 60_000}`,
    ]);
  });

  it('fails open when Redis does not answer: a report is never lost to the limiter', async () => {
    const limiter = new Open311RateLimiter(fakeRedis({ down: true }) as unknown as Redis, { topicPrefix: '' });
    for (let i = 0; i < 5; i += 1) expect((await limiter.consume('key:k', 1, minute)).allowed).toBe(true);
  });
});
