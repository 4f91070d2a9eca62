/** How long a token may live and how far clocks may disagree (AUTH_MAX_TOKEN_LIFETIME_SECONDS, AUTH_CLOCK_SKEW_SECONDS). */
export interface TokenTimeRules {
  readonly maxLifetimeSeconds: number;
  readonly clockSkewSeconds: number;
}

export interface TokenTimes {
  readonly exp: number;
  readonly iat: number;
  readonly nbf?: number;
}

/**
 * Why a correctly signed token is still refused for its times, or null. The signature proves who issued a
 * token, not that it was issued sensibly: a token valid for a hundred years, or "issued" a year from now, is a
 * leaked signing key or a broken issuer, and must not be honoured. Expiry itself is checked by the JWT library.
 */
export function tokenTimeProblem(times: TokenTimes, nowSeconds: number, rules: TokenTimeRules): string | null {
  const latestAcceptable = nowSeconds + rules.clockSkewSeconds;
  if (times.iat > latestAcceptable)
    return `issued in the future (iat is ${times.iat - nowSeconds}s ahead; at most ${rules.clockSkewSeconds}s of clock skew is allowed)`;
  if (times.nbf !== undefined && times.nbf > latestAcceptable)
    return `not valid yet (nbf is ${times.nbf - nowSeconds}s ahead)`;
  const lifetime = times.exp - times.iat;
  if (lifetime > rules.maxLifetimeSeconds)
    return `lifetime ${lifetime}s (exp − iat) exceeds the maximum of ${rules.maxLifetimeSeconds}s`;
  return null;
}
