import { localDayStart, localMoment } from '../../volunteers/domain/local-time';

/** An issue's volunteer is asked to come now, for about an hour. */
export const ISSUE_TASK_MINUTES = 60;

/**
 * The window an issue's helper is asked for: from now, an hour, cut at local midnight — availability is per
 * local day, and an issue reported at 23:30 should still find the volunteers free until midnight.
 */
export function issueTaskWindow(now: Date, timeZone?: string): { start: Date; end: Date } {
  const today = localMoment(now, timeZone).date;
  const tomorrow = new Date(localDayStart(today, timeZone).getTime() + 24 * 60 * 60 * 1000 + 60 * 60 * 1000);
  const midnight = localDayStart(localMoment(tomorrow, timeZone).date, timeZone);
  const end = Math.min(now.getTime() + ISSUE_TASK_MINUTES * 60_000, midnight.getTime());
  return { start: now, end: new Date(Math.max(end, now.getTime() + 60_000)) };
}
