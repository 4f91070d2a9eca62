import { ActingAs, ActorGrants, authorise, CasePlace } from './case-permissions';
import {
  CaseAction,
  caseActions,
  CaseRefusalCode,
  CaseStatus,
  decideTransition,
  IssueState,
} from './case-state-machine';

/**
 * The one rule for "may this caller take this action on this case now": who they are on the case (role × grid
 * scope, case-permissions.ts) and what its state allows (case-state-machine.ts). The case workflow refuses with
 * it and the case view lists the console's buttons with it, so a button is shown exactly when the action would
 * be accepted (short of a stale version or a bad body). Pure.
 */
export type CaseDecision =
  | { readonly allowed: true; readonly actingAs: ActingAs; readonly next: IssueState }
  /** Not the caller's to do, whatever the state: a 403. */
  | { readonly allowed: false; readonly refusal: 'not-yours' }
  /** The caller could, but not in this state: a 409 with the state machine's code. */
  | {
      readonly allowed: false;
      readonly refusal: 'state';
      readonly actingAs: ActingAs;
      readonly code: CaseRefusalCode;
      readonly reason: string;
    };

export function decideCaseAction(
  action: CaseAction,
  status: CaseStatus,
  actor: ActorGrants,
  place: CasePlace,
): CaseDecision {
  const actingAs = authorise(action, actor, place);
  if (!actingAs) return { allowed: false, refusal: 'not-yours' };
  const outcome = decideTransition(status, action);
  if (!outcome.allowed)
    return { allowed: false, refusal: 'state', actingAs, code: outcome.code, reason: outcome.reason };
  return { allowed: true, actingAs, next: outcome.next };
}

/**
 * The route segment under `issues/:issueId/` that takes each action. A failed verification is `verify` with
 * `passed: false`, so both verification outcomes are the one `verify` button.
 */
export const caseActionRoute: Readonly<Record<CaseAction, string>> = {
  accept: 'accept',
  reject: 'reject',
  dispatch: 'dispatch',
  acknowledge: 'acknowledge',
  'start-work': 'start-work',
  resolve: 'resolve',
  verify: 'verify',
  'fail-verification': 'verify',
  close: 'close',
  rate: 'rate',
  'request-extension': 'request-extension',
  'approve-extension': 'approve-extension',
  'deny-extension': 'deny-extension',
  return: 'return',
  escalate: 'escalate',
  reassign: 'reassign',
  park: 'park',
  unpark: 'unpark',
};

/** The route segments of every action `decideCaseAction` allows this caller on this case, in case-loop order. */
export function availableCaseActions(status: CaseStatus, actor: ActorGrants, place: CasePlace): string[] {
  const routes = caseActions
    .filter((action) => decideCaseAction(action, status, actor, place).allowed)
    .map((action) => caseActionRoute[action]);
  return [...new Set(routes)];
}
