/**
 * How long an idle timer claimer sleeps: until the next known deadline (plus a millisecond, because due times
 * carry microseconds and the clock here only milliseconds), but never longer than the poll interval, which
 * bounds how late a timer scheduled meanwhile by any replica is noticed.
 */
export function delayUntilNextDue(now: Date, nextDue: Date | null, pollMs: number): number {
  if (nextDue === null) return pollMs;
  return Math.min(pollMs, Math.max(0, nextDue.getTime() - now.getTime()) + 1);
}
