/** A signed correction to a volunteer's hours. */
export interface HoursCorrection {
  readonly volunteerId: string;
  /** Signed hours to add (whole minutes); may not take the total below zero. */
  readonly hours: number;
  readonly reason: string;
  /** The entry this corrects; the correction then counts for its grid, team and date. */
  readonly correctsEntryId?: string;
}
