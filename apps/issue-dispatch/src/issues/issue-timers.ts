/** Timer kind for "acknowledge by": fires an escalation when the holder has not acknowledged in time. */
export const ACK_DEADLINE_TIMER = 'issue.ack-deadline';

/** What an ack-deadline timer remembers: the escalation depth it was set for, so a stale timer does nothing. */
export interface AckDeadlinePayload {
  readonly depth: number;
}
