/** One weekly shift of a member on duty. */
export interface RosterShift {
  /** An active member of this grid. */
  readonly memberId: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Local start, HH:mm. */
  readonly from: string;
  /** Local end, HH:mm, after `from` on the same day; 24:00 is the end of the day. */
  readonly to: string;
}

/** The grid's whole weekly roster; it replaces the previous one. An empty list clears it. */
export interface DutyRosterToSet {
  readonly shifts: readonly RosterShift[];
}

export interface SetDutyRosterCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly roster: DutyRosterToSet;
  readonly correlationId: string;
}
