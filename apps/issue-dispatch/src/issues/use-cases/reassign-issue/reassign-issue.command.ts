import type { ReasonedCaseAction } from '../case-action.command';

export interface ReassignIssue extends ReasonedCaseAction {
  /** The member of the holding grid (their identity subject) who takes the case over. */
  readonly assigneeSubject: string;
}
