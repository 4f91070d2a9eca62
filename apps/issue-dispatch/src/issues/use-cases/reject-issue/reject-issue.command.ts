import type { RejectionReason } from '@gridline/contracts';
import type { VersionedCaseAction } from '../case-action.command';

export interface RejectIssue extends VersionedCaseAction {
  readonly reason: RejectionReason;
  /** Why; kept in the case history only. */
  readonly note: string;
  /** Required for `duplicate`: the issue this one duplicates (same district). */
  readonly duplicateOf?: string;
}
