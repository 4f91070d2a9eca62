import type { VersionedCaseAction } from '../case-action.command';

export interface RateIssue extends VersionedCaseAction {
  /** A whole number from 1 to 5. */
  readonly rating: number;
  /** Kept in issue-dispatch; never on public topics. */
  readonly comment?: string;
}
