import { kpisOf } from './case-loop-kpis';
import { breakdownRowsOf, depthHistogramOf, KpiPart, localDaysOf } from './kpi-breakdown';

const part = (key: string | null, cases: number, name: string | null = null): KpiPart => ({
  key,
  name,
  kpis: kpisOf({ cases, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 }),
});

describe('localDaysOf', () => {
  it('lists the Shanghai calendar days a period touches, the last instant before `to` deciding the last day', () => {
    // 2026-11-30T16:00Z is midnight of 12-01 in Shanghai.
    expect(localDaysOf(new Date('2026-11-29T16:00:00Z'), new Date('2026-12-02T16:00:00Z'))).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(localDaysOf(new Date('2026-11-30T15:59:00Z'), new Date('2026-11-30T16:00:01Z'))).toEqual([
      '2026-11-30',
      '2026-12-01',
    ]);
  });

  it('has no days for an empty period', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(localDaysOf(at, at)).toEqual([]);
  });
});

describe('breakdownRowsOf', () => {
  it('gives every day of the period in order, an empty day with no cases and no rates', () => {
    const rows = breakdownRowsOf('day', [part('2026-12-02', 3)], ['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(rows.map((r) => [r.key, r.kpis.cases])).toEqual([
      ['2026-12-01', 0],
      ['2026-12-02', 3],
      ['2026-12-03', 0],
    ]);
    expect(rows[0].kpis).toMatchObject({ closureRate: null, medianAckSeconds: null, averageDepth: null });
  });

  it('orders places by cases, then key, with the cases of no known place in one row last, and drops parts without cases', () => {
    const rows = breakdownRowsOf(
      'street',
      [part(null, 9), part('b', 2, '嵩山路街道'), part('a', 2, '大学路街道'), part('c', 5), part('d', 0)],
      [],
    );
    expect(rows.map((r) => [r.key, r.kpis.cases])).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 2],
      [null, 9],
    ]);
    expect(rows[1].name).toBe('大学路街道');
  });
});

describe('depthHistogramOf', () => {
  it('counts cases at every depth from 0 to the deepest, zero where none', () => {
    expect(
      depthHistogramOf([
        { depth: 3, cases: 1 },
        { depth: 0, cases: 4 },
      ]),
    ).toEqual([
      { depth: 0, cases: 4 },
      { depth: 1, cases: 0 },
      { depth: 2, cases: 0 },
      { depth: 3, cases: 1 },
    ]);
    expect(depthHistogramOf([])).toEqual([]);
  });
});
