/**
 * A weekly duty shift: one member on one ISO weekday (1 = Monday … 7 = Sunday) from one local wall-clock time
 * to a later one on the same day. A night shift that crosses midnight is given as two shifts split at 24:00
 * (22:00-24:00 on Monday, 00:00-06:00 on Tuesday): "end after start" then always holds, and "who is on duty on
 * Tuesday at 01:00" needs no look at Monday.
 */
export interface WeeklyShift {
  readonly memberId: string;
  readonly weekday: number;
  /** `HH:mm`, 00:00-23:59. */
  readonly from: string;
  /** `HH:mm`, 00:01-24:00; after `from`. */
  readonly to: string;
}

export const MINUTES_PER_DAY = 24 * 60;

/** Minutes since local midnight of `HH:mm` (`24:00` → 1440). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Shifts in one canonical order (weekday, start, end, member), so equal rosters compare and publish equal. */
export function sortShifts(shifts: readonly WeeklyShift[]): WeeklyShift[] {
  return [...shifts]
    .map(({ memberId, weekday, from, to }) => ({ memberId, weekday, from, to }))
    .sort(
      (a, b) =>
        a.weekday - b.weekday ||
        minutesOf(a.from) - minutesOf(b.from) ||
        minutesOf(a.to) - minutesOf(b.to) ||
        a.memberId.localeCompare(b.memberId),
    );
}

export function sameShifts(a: readonly WeeklyShift[], b: readonly WeeklyShift[]): boolean {
  const left = sortShifts(a);
  const right = sortShifts(b);
  return left.length === right.length && left.every((shift, i) => JSON.stringify(shift) === JSON.stringify(right[i]));
}
