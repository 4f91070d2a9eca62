import { addDays, CalendarDate, daysBetween, isoWeekday } from '@gridline/calendar';
import { SeededRandom } from '@gridline/testing';
import { recurrenceDates, recurrenceProblems, RecurrenceRule } from './recurrence-rule';

/** A random date between 1900-01-01 and 2099-12-31, so month ends and every kind of leap year come up. */
function randomDate(random: SeededRandom): CalendarDate {
  return addDays('1900-01-01', random.integer(daysBetween('1900-01-01', '2099-12-31') + 1));
}

function randomRule(random: SeededRandom): RecurrenceRule {
  if (random.next() < 0.5) {
    const days = [...new Set(Array.from({ length: 1 + random.integer(4) }, () => 1 + random.integer(31)))];
    return { frequency: 'monthly', daysOfMonth: days };
  }
  const weekdays = [...new Set(Array.from({ length: 1 + random.integer(3) }, () => 1 + random.integer(7)))];
  return { frequency: 'weekly', weekdays };
}

/** `runs` random rules, each with a range of up to `maxSpan` days, drawn from `seed`. */
function* randomCases(
  seed: number,
  runs: number,
  maxSpan: number,
): Generator<{ run: number; rule: RecurrenceRule; from: CalendarDate; to: CalendarDate }> {
  const random = new SeededRandom(seed);
  for (let run = 0; run < runs; run += 1) {
    const rule = randomRule(random);
    const from = randomDate(random);
    yield { run, rule, from, to: addDays(from, random.integer(maxSpan + 1)) };
  }
}

/** The obvious, slow answer: look at every day of the range. */
function bruteForce(rule: RecurrenceRule, from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const matches =
      rule.frequency === 'monthly'
        ? rule.daysOfMonth.includes(Number(date.slice(8)))
        : rule.weekdays.includes(isoWeekday(date));
    if (matches) dates.push(date);
  }
  return dates;
}

describe('recurrence rules', () => {
  const nineteenTwentyNine: RecurrenceRule = { frequency: 'monthly', daysOfMonth: [9, 19, 29] };

  it('holds the 三九 service days on the 9th, 19th and 29th, and skips the 29th of a common February', () => {
    expect(recurrenceDates(nineteenTwentyNine, '2025-01-20', '2025-03-10')).toEqual([
      '2025-01-29',
      '2025-02-09',
      '2025-02-19',
      '2025-03-09',
    ]);
    expect(recurrenceDates(nineteenTwentyNine, '2024-02-01', '2024-02-29')).toEqual([
      '2024-02-09',
      '2024-02-19',
      '2024-02-29',
    ]);
    // 1900 and 2100 are not leap years, 2000 is.
    expect(recurrenceDates(nineteenTwentyNine, '1900-02-20', '1900-03-01')).toEqual([]);
    expect(recurrenceDates(nineteenTwentyNine, '2000-02-20', '2000-03-01')).toEqual(['2000-02-29']);
    expect(recurrenceDates(nineteenTwentyNine, '2100-02-20', '2100-03-01')).toEqual([]);
  });

  it('skips a 31st in the months that have none instead of moving it', () => {
    const dates = recurrenceDates({ frequency: 'monthly', daysOfMonth: [31] }, '2025-01-01', '2025-12-31');
    expect(dates).toEqual([
      '2025-01-31',
      '2025-03-31',
      '2025-05-31',
      '2025-07-31',
      '2025-08-31',
      '2025-10-31',
      '2025-12-31',
    ]);
  });

  it('holds a weekly class every Saturday, seven days apart, across a year end', () => {
    const saturdays = recurrenceDates({ frequency: 'weekly', weekdays: [6] }, '2025-12-01', '2026-01-31');
    expect(saturdays[0]).toBe('2025-12-06');
    expect(saturdays).toHaveLength(9);
    expect(saturdays.slice(1).map((d, i) => daysBetween(saturdays[i], d))).toEqual(Array(8).fill(7));
  });

  it('matches looking at every day, for 2,000 random rules and ranges (seeded)', () => {
    for (const { run, rule, from, to } of randomCases(20251129, 2000, 120)) {
      const dates = recurrenceDates(rule, from, to);
      expect({ run, rule, from, to, dates }).toEqual({ run, rule, from, to, dates: bruteForce(rule, from, to) });
    }
  });

  it('returns strictly ascending dates inside the range, and nothing for an inverted range', () => {
    for (const { rule, from, to } of randomCases(7, 500, 400)) {
      const dates = recurrenceDates(rule, from, to);
      expect(dates.every((d, i) => d >= from && d <= to && (i === 0 || dates[i - 1] < d))).toBe(true);
      expect(recurrenceDates(rule, to, addDays(from, -1))).toEqual([]);
    }
  });

  it('names what is wrong with a rule that could never happen', () => {
    expect(recurrenceProblems({ frequency: 'monthly', daysOfMonth: [] })).toEqual([
      { field: 'recurrence.daysOfMonth', reason: 'name at least one day of the month' },
    ]);
    expect(recurrenceProblems({ frequency: 'weekly', weekdays: [] })[0].field).toBe('recurrence.weekdays');
    expect(recurrenceProblems({ frequency: 'monthly', daysOfMonth: [0] })).toHaveLength(1);
    expect(recurrenceProblems({ frequency: 'monthly', daysOfMonth: [32] })).toHaveLength(1);
    expect(recurrenceProblems({ frequency: 'weekly', weekdays: [8] })).toHaveLength(1);
    expect(recurrenceProblems({ frequency: 'weekly', weekdays: [6, 6] })).toHaveLength(1);
    expect(recurrenceProblems({ frequency: 'monthly', daysOfMonth: [9.5] })).toHaveLength(1);
    expect(recurrenceProblems(nineteenTwentyNine)).toEqual([]);
  });
});
