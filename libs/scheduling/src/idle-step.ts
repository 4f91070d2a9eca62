/** What one probe of an idle claimer found: a timer it could claim now, and the next deadline after now. */
export interface TimerProbe {
  /** A timer of the handled kinds is due and no other claimer holds it. */
  readonly claimable: boolean;
  /** The earliest deadline still to come, or null when none is pending. */
  readonly nextDue: Date | null;
}

/** What an idle claimer does next: sleep `sleepMs` (0: not at all), then claim, or probe again. */
export interface IdleStep {
  readonly sleepMs: number;
  readonly thenClaim: boolean;
}

/**
 * Claim at once when a timer is claimable. Otherwise sleep until the next known deadline (plus a millisecond,
 * because due times carry microseconds and the clock here only milliseconds) and claim then, but never longer
 * than the poll interval, which bounds how late a timer scheduled meanwhile by any replica is noticed: past
 * that the claimer probes again rather than claims, so an idle service costs one statement per interval.
 */
export function idleStepAfter(probe: TimerProbe, now: Date, pollMs: number): IdleStep {
  if (probe.claimable) return { sleepMs: 0, thenClaim: true };
  if (probe.nextDue === null) return { sleepMs: pollMs, thenClaim: false };
  const untilDue = Math.max(0, probe.nextDue.getTime() - now.getTime()) + 1;
  return untilDue <= pollMs ? { sleepMs: untilDue, thenClaim: true } : { sleepMs: pollMs, thenClaim: false };
}
