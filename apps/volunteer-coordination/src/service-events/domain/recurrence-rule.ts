import { addDays, CalendarDate, dateInMonth, daysBetween, isoWeekday } from '@gridline/calendar';

/**
 * When a series of service events recurs, in the district's local calendar: on given days of every month
 * (三九便民服务日: the 9th, 19th and 29th) or on given weekdays (every Saturday). A month without one of the
 * days (the 29th of a common February, the 31st of April) simply has no event on it: nothing moves to the
 * 1st, which would surprise residents who know "the 29th" as the day.
 */
export type RecurrenceRule =
  | { readonly frequency: 'monthly'; readonly daysOfMonth: readonly number[] }
  | { readonly frequency: 'weekly'; readonly weekdays: readonly number[] };

/** A rule as stored and sent in events (plain arrays). */
export type RecurrenceData =
  { frequency: 'monthly'; daysOfMonth: number[] } | { frequency: 'weekly'; weekdays: number[] };

export interface RuleProblem {
  readonly field: string;
  readonly reason: string;
}

function listProblems(field: string, values: readonly number[], min: number, max: number, what: string): RuleProblem[] {
  if (values.length === 0) return [{ field, reason: `name at least one ${what}` }];
  if (values.some((v) => !Number.isInteger(v) || v < min || v > max))
    return [{ field, reason: `each ${what} must be a whole number from ${min} to ${max}` }];
  if (new Set(values).size !== values.length) return [{ field, reason: `a ${what} must not repeat` }];
  return [];
}

/** What is wrong with a rule (empty when it is usable); field names are those of the API body. */
export function recurrenceProblems(rule: RecurrenceRule): RuleProblem[] {
  return rule.frequency === 'monthly'
    ? listProblems('recurrence.daysOfMonth', rule.daysOfMonth, 1, 31, 'day of the month')
    : listProblems('recurrence.weekdays', rule.weekdays, 1, 7, 'weekday (1 = Monday … 7 = Sunday)');
}

/** Every date from `from` to `to` (both included) on which the rule recurs, in ascending order. */
export function recurrenceDates(rule: RecurrenceRule, from: CalendarDate, to: CalendarDate): CalendarDate[] {
  if (daysBetween(from, to) < 0) return [];
  if (rule.frequency === 'weekly') {
    const weekdays = new Set(rule.weekdays);
    const dates: CalendarDate[] = [];
    for (let date = from; daysBetween(date, to) >= 0; date = addDays(date, 1))
      if (weekdays.has(isoWeekday(date))) dates.push(date);
    return dates;
  }
  const days = [...new Set(rule.daysOfMonth)].sort((a, b) => a - b);
  const dates: CalendarDate[] = [];
  let [year, month] = from.split('-').map(Number);
  const [lastYear, lastMonth] = to.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    for (const day of days) {
      const date = dateInMonth(year, month, day);
      if (date !== null && date >= from && date <= to) dates.push(date);
    }
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return dates;
}
