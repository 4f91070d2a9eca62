import { addDays, CalendarDate, canonicalTimeZone, instantOfLocalTime, localDateAt } from '@gridline/calendar';
import { recurrenceDates, recurrenceProblems, RecurrenceRule, RuleProblem } from './recurrence-rule';

/** When a series happens: its rule, the dates it runs between, and its local hours in a time zone. */
export interface ServiceSchedule {
  readonly recurrence: RecurrenceRule;
  readonly startsOn: CalendarDate;
  /** The last date the series may run on; null = until further notice. */
  readonly until: CalendarDate | null;
  /** Local `HH:mm`; an event ends on the day it starts (no overnight events). */
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: string;
}

export interface PlannedOccurrence {
  readonly date: CalendarDate;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export function scheduleProblems(schedule: ServiceSchedule): RuleProblem[] {
  const problems = recurrenceProblems(schedule.recurrence);
  if (!TIME.test(schedule.startTime)) problems.push({ field: 'startTime', reason: 'must be HH:mm (00:00-23:59)' });
  if (!TIME.test(schedule.endTime)) problems.push({ field: 'endTime', reason: 'must be HH:mm (00:00-23:59)' });
  else if (TIME.test(schedule.startTime) && schedule.endTime <= schedule.startTime)
    problems.push({ field: 'endTime', reason: 'must be after startTime on the same day' });
  if (schedule.until !== null && schedule.until < schedule.startsOn)
    problems.push({ field: 'until', reason: 'must not be before startsOn' });
  if (canonicalTimeZone(schedule.timeZone) === null)
    problems.push({ field: 'timeZone', reason: 'must be an IANA time zone such as Asia/Shanghai' });
  return problems;
}

/** The series' occurrences on the dates from `from` to `to` (both included), with their instants. */
export function plannedOccurrences(
  schedule: ServiceSchedule,
  from: CalendarDate,
  to: CalendarDate,
): PlannedOccurrence[] {
  const first = from > schedule.startsOn ? from : schedule.startsOn;
  const last = schedule.until !== null && schedule.until < to ? schedule.until : to;
  return recurrenceDates(schedule.recurrence, first, last).map((date) => ({
    date,
    startsAt: instantOfLocalTime(date, schedule.startTime, schedule.timeZone),
    endsAt: instantOfLocalTime(date, schedule.endTime, schedule.timeZone),
  }));
}

/**
 * The occurrences to hold as rows at `now`: those not yet started, on local dates from today to `horizonDays`
 * ahead. Materialising a bounded horizon keeps an open-ended series finite; a daily clock extends it.
 */
export function upcomingOccurrences(schedule: ServiceSchedule, now: Date, horizonDays: number): PlannedOccurrence[] {
  const today = localDateAt(now, schedule.timeZone);
  return plannedOccurrences(schedule, today, addDays(today, horizonDays)).filter(
    (o) => o.startsAt.getTime() > now.getTime(),
  );
}
