/** Every case action names the version of the case the caller saw; a stale one is a 409. */
export interface VersionedCaseAction {
  readonly expectedVersion: number;
}

/** The payload of most case actions: the version and an optional note for the history. */
export interface CaseAction extends VersionedCaseAction {
  /** Kept in the case history only. */
  readonly note?: string;
}

/** A case action that must say why: return, manual escalation, parking, reassignment, extension. */
export interface ReasonedCaseAction extends VersionedCaseAction {
  /** Kept in the case history only (never on public topics). */
  readonly reason: string;
}
