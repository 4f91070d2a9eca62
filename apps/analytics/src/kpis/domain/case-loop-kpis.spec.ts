import { kpiPeriodOf, kpisOf } from './case-loop-kpis';

describe('case-loop KPIs', () => {
  it('computes closure, on-time closure, rework and extension rates over the cases of the period', () => {
    const kpis = kpisOf({ cases: 8, closed: 6, closedOnTime: 5, reworked: 2, extended: 1, rated: 3, ratingSum: 13 });
    expect(kpis).toMatchObject({
      closureRate: 0.75,
      onTimeClosureRate: 0.625,
      reworkRate: 0.25,
      extensionRate: 0.125,
      averageRating: 4.33,
    });
  });

  it('gives no rate, rather than zero, for a period without cases, and no average without ratings', () => {
    expect(
      kpisOf({ cases: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 }),
    ).toMatchObject({
      closureRate: null,
      onTimeClosureRate: null,
      reworkRate: null,
      extensionRate: null,
      averageRating: null,
    });
  });

  it('gives the median times in whole seconds and the average escalation depth to two places', () => {
    const counts = { cases: 3, closed: 1, closedOnTime: 1, reworked: 0, extended: 0, rated: 0, ratingSum: 0 };
    expect(
      kpisOf(counts, { medianAckSeconds: 95.5, medianCloseSeconds: 3600.2, averageDepth: 4 / 3, maxDepth: 3 }),
    ).toMatchObject({
      medianAckSeconds: 96,
      medianCloseSeconds: 3600,
      averageDepth: 1.33,
      maxDepth: 3,
    });
  });

  it('has no times or depths without cases to measure', () => {
    expect(
      kpisOf({ cases: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 }),
    ).toMatchObject({
      medianAckSeconds: null,
      medianCloseSeconds: null,
      averageDepth: null,
      maxDepth: null,
    });
  });

  it('rounds shares to four places', () => {
    expect(
      kpisOf({ cases: 3, closed: 1, closedOnTime: 1, reworked: 0, extended: 0, rated: 0, ratingSum: 0 }).closureRate,
    ).toBe(0.3333);
  });
});

describe('kpiPeriodOf', () => {
  const now = new Date('2026-11-29T00:00:00Z');

  it('defaults to the 30 days up to now', () => {
    expect(kpiPeriodOf(undefined, undefined, now)).toEqual({ from: new Date('2026-10-30T00:00:00Z'), to: now });
  });

  it('refuses a period that ends before it starts, or spans more than a year, naming the field', () => {
    expect(kpiPeriodOf('2026-11-02', '2026-11-01', now)).toEqual({
      problem: { field: 'from', reason: 'from must not be after to' },
    });
    expect(kpiPeriodOf('2024-01-01', '2026-01-01', now)).toMatchObject({ problem: { field: 'from' } });
  });
});
