/** Timer kind: an ended membership's phone is erased when the district's retention period after the end passes. */
export const MEMBER_PHONE_ERASURE_TIMER = 'member.phone-erasure';

/** The ending the timer was set for, so a timer left from an earlier ending does nothing. */
export interface MemberPhoneErasurePayload {
  readonly endedAt: string;
}
