import { addDays, CalendarDate, instantOfLocalTime, localDateAt } from '@gridline/calendar';

/** A daily cut-off as a district sets it: local wall-clock time `HH:mm` (24 h) in its time zone. */
export interface CutoffRule {
  readonly cutoff: string;
  readonly timeZone: string;
}

/** One day's cut-off: the local date it closes and the instant it does. */
export interface Cutoff {
  readonly date: CalendarDate;
  readonly at: Date;
}

export const cutoffTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The instant the check-ins of local `date` close. */
export function cutoffOf(date: CalendarDate, rule: CutoffRule): Cutoff {
  return { date, at: instantOfLocalTime(date, rule.cutoff, rule.timeZone) };
}

/**
 * The first cut-off strictly after `now`: today's (local date in the rule's zone) if it is still ahead,
 * otherwise tomorrow's. A cut-off exactly at `now` has passed.
 */
export function nextCutoff(now: Date, rule: CutoffRule): Cutoff {
  const today = cutoffOf(localDateAt(now, rule.timeZone), rule);
  return today.at.getTime() > now.getTime() ? today : cutoffOf(addDays(today.date, 1), rule);
}

/** The cut-off of the day after `cutoff`, whether or not it is still ahead (a late timer catches up day by day). */
export function followingCutoff(cutoff: Cutoff, rule: CutoffRule): Cutoff {
  return cutoffOf(addDays(cutoff.date, 1), rule);
}

/** Whether the check-ins of local `date` are closed by the clock at `now`. */
export function cutoffHasPassed(now: Date, date: CalendarDate, rule: CutoffRule): boolean {
  return cutoffOf(date, rule).at.getTime() <= now.getTime();
}
