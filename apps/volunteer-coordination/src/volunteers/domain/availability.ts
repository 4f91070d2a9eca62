import { localMoment, minutesOfDay } from './local-time';

/** Available every week on one ISO weekday (1 = Monday) from one local time to a later one. */
export interface WeeklyWindow {
  readonly weekday: number;
  /** `HH:mm` */
  readonly from: string;
  /** `HH:mm`, after `from`; `24:00` is the end of the day. */
  readonly to: string;
}

/**
 * A one-off change, on every local date from `fromDate` to `toDate` (inclusive): `unavailable` (a trip, an exam
 * week) removes the whole days; `available` adds hours (from/to) on those days beyond the weekly pattern.
 */
export interface AvailabilityException {
  readonly kind: 'unavailable' | 'available';
  readonly fromDate: string;
  readonly toDate: string;
  readonly from?: string;
  readonly to?: string;
}

export interface Availability {
  readonly weekly: readonly WeeklyWindow[];
  readonly exceptions: readonly AvailabilityException[];
}

export interface AvailabilityProblem {
  readonly field: string;
  readonly reason: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function timeRangeProblems(field: string, from: string | undefined, to: string | undefined): AvailabilityProblem[] {
  const start = minutesOfDay(from ?? '');
  const end = minutesOfDay(to ?? '');
  if (start === null) return [{ field: `${field}.from`, reason: 'must be a local time HH:mm' }];
  if (end === null) return [{ field: `${field}.to`, reason: 'must be a local time HH:mm (24:00 ends the day)' }];
  if (end <= start)
    return [{ field: `${field}.to`, reason: `the window ends (${to}) before or when it starts (${from})` }];
  return [];
}

/** Every problem with an availability, each naming its field (`availability.weekly[1].to`). */
export function availabilityProblems(availability: Availability): AvailabilityProblem[] {
  const weekly = availability.weekly.flatMap((window, i) => {
    const field = `availability.weekly[${i}]`;
    const weekday =
      Number.isInteger(window.weekday) && window.weekday >= 1 && window.weekday <= 7
        ? []
        : [{ field: `${field}.weekday`, reason: 'must be 1 (Monday) to 7 (Sunday)' }];
    return [...weekday, ...timeRangeProblems(field, window.from, window.to)];
  });
  const exceptions = availability.exceptions.flatMap((exception, i) => {
    const field = `availability.exceptions[${i}]`;
    if (!DATE.test(exception.fromDate)) return [{ field: `${field}.fromDate`, reason: 'must be a date YYYY-MM-DD' }];
    if (!DATE.test(exception.toDate)) return [{ field: `${field}.toDate`, reason: 'must be a date YYYY-MM-DD' }];
    if (exception.toDate < exception.fromDate)
      return [
        {
          field: `${field}.toDate`,
          reason: `the range ends (${exception.toDate}) before it starts (${exception.fromDate})`,
        },
      ];
    if (exception.kind === 'available') return timeRangeProblems(field, exception.from, exception.to);
    return [];
  });
  return [...weekly, ...exceptions];
}

/** True when nothing limits when the volunteer can help: no weekly pattern and no extra hours were given. */
export function isAlwaysAvailable(availability: Availability): boolean {
  return availability.weekly.length === 0 && !availability.exceptions.some((e) => e.kind === 'available');
}

/** A task window on the district's wall clock, computed once per task rather than once per volunteer. */
export interface LocalWindow {
  readonly date: string;
  readonly weekday: number;
  readonly fromMinute: number;
  /** Exclusive end, minutes since local midnight. */
  readonly untilMinute: number;
  /** False when the window runs past local midnight. */
  readonly sameDay: boolean;
}

export function localWindow(start: Date, end: Date, timeZone?: string): LocalWindow {
  const from = localMoment(start, timeZone);
  const lastMinute = localMoment(new Date(Math.max(start.getTime(), end.getTime() - 60_000)), timeZone);
  return {
    date: from.date,
    weekday: from.weekday,
    fromMinute: from.minute,
    untilMinute: lastMinute.minute + 1,
    sameDay: lastMinute.date === from.date,
  };
}

/**
 * Can the volunteer help for the whole window? It must fall on one local day (a task across midnight is not
 * something we ask of a volunteer), not on a day they marked unavailable, and inside one weekly window or one
 * extra window of that day. A volunteer who gave no hours at all is available whenever they are not marked away.
 */
export function isAvailableDuring(availability: Availability, window: LocalWindow): boolean {
  if (!window.sameDay) return false;
  const onDay = (e: AvailabilityException) => e.fromDate <= window.date && window.date <= e.toDate;
  if (availability.exceptions.some((e) => e.kind === 'unavailable' && onDay(e))) return false;
  if (isAlwaysAvailable(availability)) return true;
  const covers = (windowFrom: string | undefined, windowTo: string | undefined) =>
    (minutesOfDay(windowFrom ?? '') ?? Infinity) <= window.fromMinute &&
    window.untilMinute <= (minutesOfDay(windowTo ?? '') ?? -Infinity);
  return (
    availability.weekly.some((w) => w.weekday === window.weekday && covers(w.from, w.to)) ||
    availability.exceptions.some((e) => e.kind === 'available' && onDay(e) && covers(e.from, e.to))
  );
}

/** isAvailableDuring for [start, end) in a time zone. */
export function isAvailableFor(availability: Availability, start: Date, end: Date, timeZone?: string): boolean {
  return isAvailableDuring(availability, localWindow(start, end, timeZone));
}
