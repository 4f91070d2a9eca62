import { minutesOf, WeeklyShift } from './weekly-shift';

export type RosterRefusalCode = 'SHIFT_ENDS_BEFORE_START' | 'NOT_A_MEMBER_OF_GRID' | 'SHIFTS_OVERLAP';

export interface RosterRefusal {
  readonly code: RosterRefusalCode;
  /** The offending field, as the request names it: `shifts[2].to`. */
  readonly field: string;
  readonly reason: string;
}

/**
 * Why a grid's weekly roster cannot be stored, or null when it can. Checked in this order, first problem wins:
 * every shift ends after it starts (on the same day: a night shift is split at 24:00); every shift belongs to an
 * active member of the grid; no member has two shifts that overlap on one weekday (back-to-back is fine).
 * Different members may share a time: that is two people on duty.
 */
export function checkRoster(
  shifts: readonly WeeklyShift[],
  activeMemberIds: ReadonlySet<string>,
): RosterRefusal | null {
  for (const [i, shift] of shifts.entries()) {
    if (minutesOf(shift.to) <= minutesOf(shift.from)) {
      return {
        code: 'SHIFT_ENDS_BEFORE_START',
        field: `shifts[${i}].to`,
        reason: `shift ${i} ends at ${shift.to}, not after its start ${shift.from}; a shift crossing midnight is given as two shifts split at 24:00`,
      };
    }
  }
  for (const [i, shift] of shifts.entries()) {
    if (!activeMemberIds.has(shift.memberId)) {
      return {
        code: 'NOT_A_MEMBER_OF_GRID',
        field: `shifts[${i}].memberId`,
        reason: `${shift.memberId} is not an active member of this grid`,
      };
    }
  }
  for (const [j, later] of shifts.entries()) {
    for (const [i, earlier] of shifts.slice(0, j).entries()) {
      if (earlier.memberId !== later.memberId || earlier.weekday !== later.weekday) continue;
      if (minutesOf(earlier.from) < minutesOf(later.to) && minutesOf(later.from) < minutesOf(earlier.to)) {
        return {
          code: 'SHIFTS_OVERLAP',
          field: `shifts[${j}]`,
          reason: `shift ${j} (${later.from}-${later.to}) overlaps shift ${i} (${earlier.from}-${earlier.to}) of the same member on weekday ${later.weekday}`,
        };
      }
    }
  }
  return null;
}
