/** The ledger counts whole minutes, so totals and corrections add up exactly; the API speaks hours. */
export const MINUTES_PER_HOUR = 60;
const QUARTER_HOUR = 15;
/** One task never credits more than a day. */
export const MAX_TASK_MINUTES = 24 * MINUTES_PER_HOUR;

/**
 * Minutes credited for a check-in/check-out pair: rounded to the nearest quarter hour, at least one quarter
 * (someone who came and helped is credited), at most a day.
 */
export function creditedMinutes(checkedInAt: Date, checkedOutAt: Date): number {
  const minutes = Math.max(0, checkedOutAt.getTime() - checkedInAt.getTime()) / 60_000;
  const quarters = Math.max(1, Math.round(minutes / QUARTER_HOUR));
  return Math.min(MAX_TASK_MINUTES, quarters * QUARTER_HOUR);
}

/** Hours as given by a person (up to two decimals) → minutes; null when not a whole number of minutes. */
export function minutesOfHours(hours: number): number | null {
  const minutes = hours * MINUTES_PER_HOUR;
  const rounded = Math.round(minutes);
  return Math.abs(minutes - rounded) < 1e-6 ? rounded : null;
}

export function hoursOfMinutes(minutes: number): number {
  return Math.round((minutes / MINUTES_PER_HOUR) * 100) / 100;
}

/**
 * Why a correction of `deltaMinutes` cannot be booked on a volunteer whose total is `totalMinutes`, or null
 * when it can. Corrections are new entries (never edits), so the only rule is that a total never goes negative.
 */
export function correctionProblem(totalMinutes: number, deltaMinutes: number): string | null {
  if (deltaMinutes === 0) return 'a correction of 0 hours changes nothing';
  if (totalMinutes + deltaMinutes < 0) {
    return `the correction (${hoursOfMinutes(deltaMinutes)} h) would take the volunteer's total of ${hoursOfMinutes(totalMinutes)} h below zero`;
  }
  return null;
}
