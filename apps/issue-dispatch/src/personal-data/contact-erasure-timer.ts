/** Timer kind: the reporter's contact is erased when the district's retention period after the case finished ends. */
export const CONTACT_ERASURE_TIMER = 'issue.contact-erasure';

/** The erasure a timer was set for (the issue's `contactEraseAfter` then), so a stale timer does nothing. */
export interface ContactErasurePayload {
  readonly eraseAfter: string;
}
