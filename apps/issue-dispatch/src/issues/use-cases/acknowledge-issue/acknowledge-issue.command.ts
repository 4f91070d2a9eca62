/** Who acknowledges comes from the caller's token; the payload only carries what they add. */
export interface AcknowledgeIssue {
  /** The version the caller saw; a different current version is a 409. */
  readonly expectedVersion?: number;
  readonly note?: string;
}
