import type { CaseAction } from '../case-action.command';

export interface DispatchIssue extends CaseAction {
  /** The grid that is to handle the case. */
  readonly gridId: string;
}
