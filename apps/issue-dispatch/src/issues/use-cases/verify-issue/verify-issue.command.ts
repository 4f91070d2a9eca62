import type { CaseAction } from '../case-action.command';

export interface VerifyIssue extends CaseAction {
  /** true: the problem is gone (verified); false: it is not (the case is reopened for rework). */
  readonly passed: boolean;
}
