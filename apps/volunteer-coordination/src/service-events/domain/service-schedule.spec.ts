import { addDays, CalendarDate, daysBetween, localDateAt } from '@gridline/calendar';
import { SeededRandom } from '@gridline/testing';
import { plannedOccurrences, scheduleProblems, ServiceSchedule, upcomingOccurrences } from './service-schedule';

const HOUR = 60 * 60 * 1000;
const serviceDays: ServiceSchedule = {
  recurrence: { frequency: 'monthly', daysOfMonth: [9, 19, 29] },
  startsOn: '2025-01-01',
  until: null,
  startTime: '08:30',
  endTime: '11:30',
  timeZone: 'Asia/Shanghai',
};

describe('service schedules in Asia/Shanghai', () => {
  it('puts each occurrence at its local hours, eight hours ahead of UTC', () => {
    const [first] = plannedOccurrences(serviceDays, '2025-01-09', '2025-01-09');
    expect(first).toEqual({
      date: '2025-01-09',
      startsAt: new Date('2025-01-09T00:30:00Z'),
      endsAt: new Date('2025-01-09T03:30:00Z'),
    });
  });

  it('keeps the same UTC hours all year: Shanghai has had no daylight saving since 1991 (seeded random dates, 1992-2099)', () => {
    const random = new SeededRandom(29);
    const span = daysBetween('1992-01-01', '2099-12-31');
    for (let run = 0; run < 1000; run += 1) {
      const date = addDays('1992-01-01', random.integer(span));
      const everyDay: ServiceSchedule = {
        ...serviceDays,
        recurrence: { frequency: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] },
        startsOn: '1992-01-01',
        startTime: '00:15',
        endTime: '23:45',
      };
      const [occurrence] = plannedOccurrences(everyDay, date, date);
      expect(occurrence.startsAt.toISOString()).toBe(`${addDays(date, -1)}T16:15:00.000Z`);
      expect(occurrence.endsAt.getTime() - occurrence.startsAt.getTime()).toBe(23.5 * HOUR);
      expect(localDateAt(occurrence.startsAt, 'Asia/Shanghai')).toBe(date);
    }
  });

  it('stays inside startsOn and until', () => {
    const bounded: ServiceSchedule = { ...serviceDays, startsOn: '2025-03-10', until: '2025-04-19' };
    expect(plannedOccurrences(bounded, '2025-01-01', '2025-12-31').map((o) => o.date)).toEqual([
      '2025-03-19',
      '2025-03-29',
      '2025-04-09',
      '2025-04-19',
    ]);
  });

  it('materialises only what has not started, up to the horizon, for random instants (seeded)', () => {
    const random = new SeededRandom(60);
    for (let run = 0; run < 300; run += 1) {
      const now = new Date(
        Date.UTC(2025, 0, 1) + random.integer(3 * 365) * 24 * HOUR + random.integer(24 * 60) * 60_000,
      );
      const horizon = 1 + random.integer(90);
      const upcoming = upcomingOccurrences(serviceDays, now, horizon);
      const today: CalendarDate = localDateAt(now, 'Asia/Shanghai');
      expect(upcoming.every((o) => o.startsAt > now && o.date >= today && daysBetween(today, o.date) <= horizon)).toBe(
        true,
      );
      // Nothing left out: every planned occurrence in the window that has not started is there.
      const all = plannedOccurrences(serviceDays, today, addDays(today, horizon)).filter((o) => o.startsAt > now);
      expect(upcoming).toEqual(all);
      if (horizon >= 31) expect(upcoming.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('names each problem of a schedule that cannot be held', () => {
    const fields = (s: Partial<ServiceSchedule>) => scheduleProblems({ ...serviceDays, ...s }).map((p) => p.field);
    expect(fields({})).toEqual([]);
    expect(fields({ endTime: '08:00' })).toEqual(['endTime']);
    expect(fields({ endTime: '08:30' })).toEqual(['endTime']);
    expect(fields({ startTime: '25:00' })).toEqual(['startTime']);
    expect(fields({ until: '2024-12-31' })).toEqual(['until']);
    expect(fields({ timeZone: 'Mars/Base' })).toEqual(['timeZone']);
    expect(fields({ timeZone: '+08:00' })).toEqual(['timeZone']);
    expect(fields({ recurrence: { frequency: 'monthly', daysOfMonth: [] } })).toEqual(['recurrence.daysOfMonth']);
  });
});
