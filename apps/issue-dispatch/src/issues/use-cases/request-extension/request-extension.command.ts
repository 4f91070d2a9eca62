import type { ReasonedCaseAction } from '../case-action.command';

export interface RequestExtension extends ReasonedCaseAction {
  /** The resolve deadline asked for (ISO 8601): later than the current one. */
  readonly requestedDeadline: string;
}
