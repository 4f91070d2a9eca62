import type { Identity } from './identity';
import { TokenTimeRules, TokenTimes, tokenTimeProblem } from './token-time-rules';

interface CachedToken {
  readonly identity: Identity;
  readonly times: TokenTimes;
  /** When the entry stops counting even if the token has not expired (epoch seconds). */
  readonly until: number;
}

/**
 * Tokens whose signature and claims were verified, kept until their expiry so a client sending the same token on
 * every request pays for one signature check, not one per request (issue 11: the check was a visible share of
 * intake's CPU). A hit re-checks the token's times against the same rules as the first check, so an expired token
 * is refused as before. An entry is kept at most `maxAgeSeconds` even for a long-lived token, so a signing key
 * withdrawn from the JWKS stops being honoured within that time. The oldest entries make room when it is full.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, CachedToken>();

  constructor(
    private readonly rules: TokenTimeRules,
    private readonly maxEntries = 10_000,
    private readonly maxAgeSeconds = 300,
  ) {}

  get(token: string, nowSeconds: number): Identity | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    const expired = nowSeconds >= entry.times.exp + this.rules.clockSkewSeconds;
    if (expired || nowSeconds >= entry.until || tokenTimeProblem(entry.times, nowSeconds, this.rules)) {
      this.entries.delete(token);
      return null;
    }
    return entry.identity;
  }

  remember(token: string, identity: Identity, times: TokenTimes, nowSeconds: number): void {
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { identity, times, until: nowSeconds + this.maxAgeSeconds });
  }

  get size(): number {
    return this.entries.size;
  }
}
