import { availabilityProblems, isAvailableFor } from './availability';
import { localDayStart, localMoment, localWeekBounds } from './local-time';
import { skillLevelOf, isKnownSkill } from './skill-catalogue';

const at = (iso: string) => new Date(iso);

describe('availability', () => {
  it('names a window that ends before it starts, a bad weekday and a date range running backwards', () => {
    const problems = availabilityProblems({
      weekly: [
        { weekday: 6, from: '09:00', to: '12:00' },
        { weekday: 6, from: '18:00', to: '08:00' },
        { weekday: 8, from: '09:00', to: '10:00' },
      ],
      exceptions: [
        { kind: 'unavailable', fromDate: '2026-06-10', toDate: '2026-06-01' },
        { kind: 'available', fromDate: '2026-06-01', toDate: '2026-06-01', from: '10:00', to: '10:00' },
      ],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'availability.weekly[1].to',
      'availability.weekly[2].weekday',
      'availability.exceptions[0].toDate',
      'availability.exceptions[1].to',
    ]);
    expect(problems[0].reason).toContain('ends');
  });

  it('accepts 24:00 as the end of the day and refuses 24:30', () => {
    expect(availabilityProblems({ weekly: [{ weekday: 1, from: '20:00', to: '24:00' }], exceptions: [] })).toEqual([]);
    expect(availabilityProblems({ weekly: [{ weekday: 1, from: '20:00', to: '24:30' }], exceptions: [] })).toHaveLength(
      1,
    );
  });

  it('reads windows on the Shanghai wall clock: 01:00 UTC on a Saturday is 09:00 there', () => {
    const saturdays = { weekly: [{ weekday: 6, from: '09:00', to: '10:00' }], exceptions: [] };
    expect(isAvailableFor(saturdays, at('2026-06-06T01:00:00Z'), at('2026-06-06T02:00:00Z'))).toBe(true);
    expect(isAvailableFor(saturdays, at('2026-06-06T01:00:00Z'), at('2026-06-06T02:01:00Z'))).toBe(false);
    expect(isAvailableFor(saturdays, at('2026-06-06T00:59:00Z'), at('2026-06-06T02:00:00Z'))).toBe(false);
  });

  it('does not ask anyone for a window across local midnight', () => {
    expect(isAvailableFor({ weekly: [], exceptions: [] }, at('2026-06-06T15:00:00Z'), at('2026-06-06T17:00:00Z'))).toBe(
      false,
    );
  });

  it('treats a volunteer who gave no hours as available unless marked away', () => {
    const away = {
      weekly: [],
      exceptions: [{ kind: 'unavailable' as const, fromDate: '2026-06-06', toDate: '2026-06-06' }],
    };
    expect(isAvailableFor({ weekly: [], exceptions: [] }, at('2026-06-06T01:00:00Z'), at('2026-06-06T02:00:00Z'))).toBe(
      true,
    );
    expect(isAvailableFor(away, at('2026-06-06T01:00:00Z'), at('2026-06-06T02:00:00Z'))).toBe(false);
    expect(isAvailableFor(away, at('2026-06-07T01:00:00Z'), at('2026-06-07T02:00:00Z'))).toBe(true);
  });

  it('knows the local week: Monday 00:00 to Monday 00:00 in Shanghai', () => {
    const { start, end } = localWeekBounds(at('2026-06-06T01:00:00Z'));
    expect(start.toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(end.toISOString()).toBe('2026-06-07T16:00:00.000Z');
    expect(localMoment(start)).toEqual({ date: '2026-06-01', weekday: 1, minute: 0 });
  });
});

describe('skill catalogue', () => {
  it('knows the skills of the service days and refuses others', () => {
    expect(['first-aid', 'haircut', 'ladder', 'elderly-care'].every(isKnownSkill)).toBe(true);
    expect(isKnownSkill('frist-aid')).toBe(false);
  });

  it('takes levels as 1-3 or by name', () => {
    expect([1, 2, 3, 'basic', 'skilled', 'expert'].map(skillLevelOf)).toEqual([1, 2, 3, 1, 2, 3]);
    expect([0, 4, 1.5, 'master', null].map(skillLevelOf)).toEqual([null, null, null, null, null]);
  });
});

describe('local day start', () => {
  it('is 16:00 UTC the day before in Shanghai', () => {
    expect(localDayStart('2026-06-06').toISOString()).toBe('2026-06-05T16:00:00.000Z');
    expect(localDayStart('2026-01-01', 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('bounds a week with a daylight-saving change by its own Monday midnights', () => {
    // Clocks went forward in New York on Sunday 2025-03-09: Monday 3 March began at 05:00Z (EST), Monday 10 at 04:00Z (EDT).
    const { start, end } = localWeekBounds(at('2025-03-09T15:00:00Z'), 'America/New_York');
    expect([start.toISOString(), end.toISOString()]).toEqual(['2025-03-03T05:00:00.000Z', '2025-03-10T04:00:00.000Z']);
    expect(localDayStart('2025-11-02', 'America/New_York').toISOString()).toBe('2025-11-02T04:00:00.000Z');
  });
});
