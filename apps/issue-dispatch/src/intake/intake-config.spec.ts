import { loadIntakeConfig } from './intake-config';

describe('loadIntakeConfig', () => {
  it('has defaults for every setting', () => {
    expect(loadIntakeConfig({})).toEqual({
      duplicates: { radiusMetres: 50, windowHours: 72 },
      open311RatePerMinute: { anonymous: 60, perKey: 600 },
      categoryPolicyCacheMs: 5000,
    });
  });

  it('reads the variables and stops on a bad one, naming it', () => {
    expect(loadIntakeConfig({ DUPLICATE_RADIUS_METRES: '120', DUPLICATE_WINDOW_HOURS: '24' }).duplicates).toEqual({
      radiusMetres: 120,
      windowHours: 24,
    });
    expect(() => loadIntakeConfig({ DUPLICATE_RADIUS_METRES: 'far' })).toThrow(/DUPLICATE_RADIUS_METRES/);
    expect(() => loadIntakeConfig({ OPEN311_RATE_PER_MINUTE_ANONYMOUS: '0' })).toThrow(
      /OPEN311_RATE_PER_MINUTE_ANONYMOUS/,
    );
    expect(loadIntakeConfig({ CATEGORY_POLICY_CACHE_SECONDS: '0' }).categoryPolicyCacheMs).toBe(0);
    expect(() => loadIntakeConfig({ CATEGORY_POLICY_CACHE_SECONDS: '61' })).toThrow(/CATEGORY_POLICY_CACHE_SECONDS/);
  });
});
