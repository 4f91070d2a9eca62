import { utcOffsetMs } from '@gridline/calendar';
import { minutesOf, WeeklyShift } from './weekly-shift';

export interface LocalWeekTime {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** `HH:mm`. */
  readonly time: string;
}

/** The local weekday and wall-clock time of an instant in an IANA zone (DST-safe: the zone's offset at that instant). */
export function localWeekTimeAt(instant: Date, timeZone: string): LocalWeekTime {
  const wall = new Date(instant.getTime() + utcOffsetMs(instant, timeZone));
  return { weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(), time: wall.toISOString().slice(11, 16) };
}

/**
 * The shifts running at an instant: same local weekday, started at or before it, ending after it (a shift
 * 08:00-12:00 covers 08:00 but not 12:00, so back-to-back shifts never both count).
 */
export function shiftsOnDutyAt<S extends WeeklyShift>(
  shifts: readonly S[],
  instant: Date,
  timeZone: string,
): { readonly at: LocalWeekTime; readonly shifts: S[] } {
  const at = localWeekTimeAt(instant, timeZone);
  const minute = minutesOf(at.time);
  return {
    at,
    shifts: shifts.filter((s) => s.weekday === at.weekday && minutesOf(s.from) <= minute && minute < minutesOf(s.to)),
  };
}
