import { parseInstant, periodOutOfOrder } from './instant';

describe('ISO 8601 instants', () => {
  it('reads dates as midnight UTC and date-times with Z or an offset', () => {
    expect(parseInstant('2026-11-01')?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseInstant('2026-11-01T12:00:00+08:00')?.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(parseInstant('2026-11-01T12:00+0800')?.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(parseInstant('2024-02-29T23:59:59.123456Z')?.toISOString()).toBe('2024-02-29T23:59:59.123Z');
  });

  it('refuses days, months, hours and offsets that do not exist', () => {
    for (const impossible of [
      '2026-13-01',
      '2026-02-30',
      '2025-02-29',
      '2026-00-10',
      '2026-01-01T24:00:00Z',
      '2026-01-01T12:60Z',
      '2026-01-01T12:00:00+15:00',
      '2026-01-01T12:00:60Z',
    ]) {
      expect([impossible, parseInstant(impossible)]).toEqual([impossible, null]);
    }
  });

  it('refuses what only looks like a date', () => {
    for (const odd of [
      '',
      'yesterday',
      '2026-W05',
      '2026-032',
      '20261101',
      '2026-1-1',
      ' 2026-01-01',
      '2026-01-01T',
      '1e308',
    ]) {
      expect([odd, parseInstant(odd)]).toEqual([odd, null]);
    }
  });

  it('words the period rule once', () => {
    expect(periodOutOfOrder('from', 'to')).toBe('from must not be after to');
  });
});
