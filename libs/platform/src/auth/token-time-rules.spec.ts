import { tokenTimeProblem } from './token-time-rules';

describe('token time rules', () => {
  const rules = { maxLifetimeSeconds: 86_400, clockSkewSeconds: 60 };
  const now = 1_800_000_000;
  const year = 365 * 86_400;

  it('accepts an 8-hour token issued now, or a few seconds ahead within the skew', () => {
    expect(tokenTimeProblem({ iat: now, exp: now + 8 * 3600 }, now, rules)).toBeNull();
    expect(tokenTimeProblem({ iat: now + 30, nbf: now + 30, exp: now + 3600 }, now, rules)).toBeNull();
    expect(tokenTimeProblem({ iat: now - 3600, exp: now - 3600 + 86_400 }, now, rules)).toBeNull();
  });

  it('refuses a token that lives longer than the maximum', () => {
    expect(tokenTimeProblem({ iat: now, exp: now + 100 * year }, now, rules)).toMatch(
      /lifetime 3153600000s .* exceeds the maximum of 86400s/,
    );
    expect(tokenTimeProblem({ iat: now, exp: now + 86_401 }, now, rules)).toMatch(/exceeds/);
  });

  it('refuses iat or nbf beyond the clock skew', () => {
    expect(tokenTimeProblem({ iat: now + year, exp: now + year + 3600 }, now, rules)).toMatch(/^issued in the future/);
    expect(tokenTimeProblem({ iat: now + 61, exp: now + 3600 }, now, rules)).toMatch(/^issued in the future/);
    expect(tokenTimeProblem({ iat: now, nbf: now + 600, exp: now + 3600 }, now, rules)).toMatch(/^not valid yet/);
  });
});
