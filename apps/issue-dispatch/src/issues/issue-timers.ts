/** Timer kind for "acknowledge by": fires an escalation when the holder has not acknowledged in time. */
export const ACK_DEADLINE_TIMER = 'issue.ack-deadline';

/** Timer kind for "resolve by": fires an escalation (`resolve-timeout`) when the holder has not resolved in time. */
export const RESOLVE_DEADLINE_TIMER = 'issue.resolve-deadline';

/** What an ack-deadline timer remembers: the escalation depth it was set for, so a stale timer does nothing. */
export interface AckDeadlinePayload {
  readonly depth: number;
}

/** Likewise for the resolve deadline; the handler also checks the deadline has not moved (extension, parking). */
export type ResolveDeadlinePayload = AckDeadlinePayload;
