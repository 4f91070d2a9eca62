/**
 * What the clock allows around one occurrence of a service event. Sign-ups (and cancellations) close when it
 * starts; the door opens for check-in an hour before the start and closes at the end; check-out is possible
 * until six hours after the end, for a coordinator who records the afternoon's departures in the evening.
 */
export interface OccurrenceTimes {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export const EARLY_CHECK_IN_MS = 60 * 60 * 1000;
export const LATE_CHECK_OUT_MS = 6 * 60 * 60 * 1000;

export function hasStarted(occurrence: OccurrenceTimes, now: Date): boolean {
  return now.getTime() >= occurrence.startsAt.getTime();
}

/** Why a check-in at `now` is refused, or null when the door is open. */
export function checkInRefusal(occurrence: OccurrenceTimes, now: Date): string | null {
  if (now.getTime() < occurrence.startsAt.getTime() - EARLY_CHECK_IN_MS)
    return 'check-in opens one hour before the start';
  if (now.getTime() > occurrence.endsAt.getTime()) return 'the occurrence has ended';
  return null;
}

/** Why a check-out at `now` is refused, or null. */
export function checkOutRefusal(occurrence: OccurrenceTimes, checkedInAt: Date, now: Date): string | null {
  if (now.getTime() < checkedInAt.getTime()) return 'check-out cannot precede check-in';
  if (now.getTime() > occurrence.endsAt.getTime() + LATE_CHECK_OUT_MS)
    return 'check-out closed six hours after the end';
  return null;
}

/**
 * Whole minutes of the occurrence a person was there for: the overlap of their check-in to check-out with
 * the event's hours. Arriving early or leaving late earns nothing extra; this is what volunteer hours count.
 */
export function attendedMinutes(occurrence: OccurrenceTimes, checkedInAt: Date, checkedOutAt: Date): number {
  const from = Math.max(occurrence.startsAt.getTime(), checkedInAt.getTime());
  const to = Math.min(occurrence.endsAt.getTime(), checkedOutAt.getTime());
  return to > from ? Math.floor((to - from) / 60_000) : 0;
}

/** Minutes as hours with two decimals (90 → 1.5; 1 → 0.02), the unit of the hours ledger. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

export interface PlannedReminder {
  readonly leadMinutes: number;
  readonly dueAt: Date;
}

/**
 * The reminders still worth sending at `now` for an occurrence: one per lead time (e.g. 24 h and 2 h before),
 * skipping those whose moment has passed — a reminder "24 hours before" sent 3 hours before would mislead.
 */
export function plannedReminders(
  occurrence: OccurrenceTimes,
  leadMinutes: readonly number[],
  now: Date,
): PlannedReminder[] {
  return [...new Set(leadMinutes)]
    .sort((a, b) => b - a)
    .map((lead) => ({ leadMinutes: lead, dueAt: new Date(occurrence.startsAt.getTime() - lead * 60_000) }))
    .filter((reminder) => reminder.dueAt.getTime() > now.getTime());
}
