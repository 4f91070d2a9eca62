import { Identity } from './identity';
import { VerifiedTokenCache } from './verified-token-cache';

const rules = { maxLifetimeSeconds: 3600, clockSkewSeconds: 30 };
const someone: Identity = {
  subject: 'resident:li',
  name: null,
  tenantId: 'erqi',
  roles: [{ role: 'resident' }],
} as Identity;

describe('VerifiedTokenCache', () => {
  it('answers a remembered token with its identity until the token expires (within the clock skew)', () => {
    const cache = new VerifiedTokenCache(rules, 10, 3600);
    cache.remember('t1', someone, { iat: 1_000, exp: 1_600 }, 1_000);
    expect(cache.get('t1', 1_100)).toBe(someone);
    expect(cache.get('t1', 1_629)).toBe(someone);
    expect(cache.get('t1', 1_630)).toBeNull();
    // Forgotten once expired: the next request verifies the token again (and is refused by the verifier).
    expect(cache.size).toBe(0);
  });

  it('knows nothing of a token it was not given, nor of a token differing by one character', () => {
    const cache = new VerifiedTokenCache(rules);
    cache.remember('header.payload.signature', someone, { iat: 1_000, exp: 1_600 }, 1_000);
    expect(cache.get('header.payload.signaturf', 1_001)).toBeNull();
    expect(cache.get('other', 1_001)).toBeNull();
  });

  it('keeps an entry at most its maximum age, so a withdrawn signing key stops counting', () => {
    const cache = new VerifiedTokenCache(rules, 10, 300);
    cache.remember('long', someone, { iat: 1_000, exp: 4_000 }, 1_000);
    expect(cache.get('long', 1_299)).toBe(someone);
    expect(cache.get('long', 1_300)).toBeNull();
  });

  it('applies the time rules again on every hit (a token not valid yet is not served early)', () => {
    const cache = new VerifiedTokenCache(rules);
    cache.remember('later', someone, { iat: 1_000, exp: 1_600, nbf: 1_200 }, 1_100);
    expect(cache.get('later', 1_150)).toBeNull();
  });

  it('makes room by forgetting the oldest entry when full', () => {
    const cache = new VerifiedTokenCache(rules, 2);
    cache.remember('a', someone, { iat: 1_000, exp: 1_600 }, 1_000);
    cache.remember('b', someone, { iat: 1_000, exp: 1_600 }, 1_000);
    cache.remember('c', someone, { iat: 1_000, exp: 1_600 }, 1_000);
    expect([cache.get('a', 1_001), cache.get('b', 1_001), cache.get('c', 1_001)]).toEqual([null, someone, someone]);
  });
});
