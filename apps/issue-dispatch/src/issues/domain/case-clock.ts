/**
 * Pausing and resuming a case's deadlines (挂账): parking remembers how much time each running clock had left,
 * un-parking gives exactly that time back from the moment of resumption.
 */
export interface PausedClocks {
  readonly ackRemainingMs: number | null;
  readonly resolveRemainingMs: number | null;
}

export function remainingMs(deadline: Date | null, now: Date): number | null {
  return deadline === null ? null : Math.max(0, deadline.getTime() - now.getTime());
}

export function pauseClocks(ackDeadline: Date | null, resolveDeadline: Date | null, now: Date): PausedClocks {
  return { ackRemainingMs: remainingMs(ackDeadline, now), resolveRemainingMs: remainingMs(resolveDeadline, now) };
}

export function resumeClocks(
  paused: PausedClocks,
  now: Date,
): { ackDeadline: Date | null; resolveDeadline: Date | null } {
  const after = (ms: number | null) => (ms === null ? null : new Date(now.getTime() + ms));
  return { ackDeadline: after(paused.ackRemainingMs), resolveDeadline: after(paused.resolveRemainingMs) };
}

export type ExtensionProblem = { readonly field: 'requestedDeadline'; readonly reason: string };

/** An extension must ask for a later deadline than the one in force, and one in the future. */
export function checkExtensionRequest(
  current: Date,
  requested: Date,
  now: Date,
  maxSeconds: number,
): ExtensionProblem | null {
  if (requested.getTime() <= now.getTime()) return { field: 'requestedDeadline', reason: 'must be in the future' };
  if (requested.getTime() <= current.getTime())
    return { field: 'requestedDeadline', reason: `must be later than the current deadline ${current.toISOString()}` };
  if (requested.getTime() - now.getTime() > maxSeconds * 1000)
    return { field: 'requestedDeadline', reason: `must be within ${maxSeconds} seconds from now` };
  return null;
}

/** On time: resolved no later than the resolve deadline in force (null deadline: no clock, so on time). */
export function resolvedOnTime(resolveDeadline: Date | null, resolvedAt: Date): boolean {
  return resolveDeadline === null || resolvedAt.getTime() <= resolveDeadline.getTime();
}
