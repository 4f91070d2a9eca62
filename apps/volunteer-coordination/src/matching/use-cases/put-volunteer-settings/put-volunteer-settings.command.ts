/** A district's volunteer settings. */
export interface VolunteerSettingsInput {
  /** How long a volunteer has to answer an offer. */
  readonly offerExpirySeconds: number;
}
