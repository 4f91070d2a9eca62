/**
 * The case loop (数字城管): reported → accepted (立案) or rejected → dispatched → acknowledged → in-progress →
 * resolved → verified → closed, with a failed verification sending the case back to in-progress (返工).
 * Extension, reassignment, parking and rating keep the state; return sends a case back to the dispatch centre's
 * queue (accepted); escalation hands it to the next level, which must acknowledge again (dispatched).
 *
 * Parking (挂账) is a flag beside the state, not a state: a parked case remembers where it was and only
 * un-parking is allowed until then.
 */
export const issueStates = [
  'reported',
  'accepted',
  'rejected',
  'dispatched',
  'acknowledged',
  'in-progress',
  'resolved',
  'verified',
  'closed',
] as const;
export type IssueState = (typeof issueStates)[number];

export const caseActions = [
  'accept',
  'reject',
  'dispatch',
  'acknowledge',
  'start-work',
  'resolve',
  'verify',
  'fail-verification',
  'close',
  'rate',
  'request-extension',
  'approve-extension',
  'deny-extension',
  'return',
  'escalate',
  'reassign',
  'park',
  'unpark',
] as const;
export type CaseAction = (typeof caseActions)[number];

/** What the rules need to know about a case besides its state. */
export interface CaseStatus {
  readonly state: IssueState;
  readonly parked: boolean;
  readonly extensionPending: boolean;
  readonly rated: boolean;
  /** A resolve deadline is set (the case was acknowledged and not yet resolved). */
  readonly resolveClockRunning: boolean;
  /** Held by a grid, not by a dispatch centre. */
  readonly heldByGrid: boolean;
  /** Held by the city centre: there is nowhere higher to escalate it. */
  readonly atTop: boolean;
}

export type CaseRefusalCode =
  'ILLEGAL_TRANSITION' | 'ISSUE_PARKED' | 'NOT_PARKED' | 'EXTENSION_PENDING' | 'NO_PENDING_EXTENSION' | 'ALREADY_RATED';

export type TransitionOutcome =
  | { readonly allowed: true; readonly next: IssueState }
  | { readonly allowed: false; readonly code: CaseRefusalCode; readonly reason: string };

const SAME = 'same' as const;
const open: readonly IssueState[] = ['acknowledged', 'in-progress'];

const moves: Record<CaseAction, { readonly from: readonly IssueState[]; readonly to: IssueState | typeof SAME }> = {
  accept: { from: ['reported'], to: 'accepted' },
  // A report in the queue, or a returned case the centre finds is not the district's to handle.
  reject: { from: ['reported', 'accepted'], to: 'rejected' },
  dispatch: { from: ['accepted'], to: 'dispatched' },
  acknowledge: { from: ['dispatched'], to: 'acknowledged' },
  'start-work': { from: ['acknowledged'], to: 'in-progress' },
  resolve: { from: ['in-progress'], to: 'resolved' },
  verify: { from: ['resolved'], to: 'verified' },
  'fail-verification': { from: ['resolved'], to: 'in-progress' },
  close: { from: ['verified'], to: 'closed' },
  rate: { from: ['closed'], to: SAME },
  'request-extension': { from: open, to: SAME },
  'approve-extension': { from: open, to: SAME },
  'deny-extension': { from: open, to: SAME },
  // Only before work starts: a grid that has begun handling a case cannot disown it.
  return: { from: ['dispatched', 'acknowledged'], to: 'accepted' },
  escalate: { from: ['dispatched', ...open], to: 'dispatched' },
  reassign: { from: open, to: SAME },
  park: { from: open, to: SAME },
  unpark: { from: open, to: SAME },
};

function refuse(code: CaseRefusalCode, reason: string): TransitionOutcome {
  return { allowed: false, code, reason };
}

/** Whether `action` may happen to a case in `status`, and the state it leads to. Pure; changes nothing. */
export function decideTransition(status: CaseStatus, action: CaseAction): TransitionOutcome {
  const move = moves[action];
  if (status.parked && action !== 'unpark')
    return refuse('ISSUE_PARKED', `the case is parked; un-park it before it can ${action}`);
  if (!move.from.includes(status.state)) {
    return refuse(
      'ILLEGAL_TRANSITION',
      `a case that is ${status.state} cannot ${action}; that needs a case that is ${move.from.join(' or ')}`,
    );
  }
  switch (action) {
    case 'unpark':
      if (!status.parked) return refuse('NOT_PARKED', 'the case is not parked');
      break;
    case 'rate':
      if (status.rated) return refuse('ALREADY_RATED', 'the case has already been rated; a rating is given once');
      break;
    case 'request-extension':
      if (status.extensionPending)
        return refuse('EXTENSION_PENDING', 'an extension request is already waiting for a decision');
      if (!status.resolveClockRunning || !status.heldByGrid)
        return refuse('ILLEGAL_TRANSITION', 'only a grid with a running resolve deadline can ask for an extension');
      break;
    case 'approve-extension':
    case 'deny-extension':
      if (!status.extensionPending) return refuse('NO_PENDING_EXTENSION', 'there is no extension request to decide');
      break;
    case 'escalate':
      if (status.atTop)
        return refuse(
          'ILLEGAL_TRANSITION',
          'the case is held by the city centre; there is nowhere higher to escalate it',
        );
      break;
    case 'return':
      if (!status.heldByGrid)
        return refuse('ILLEGAL_TRANSITION', 'only a case held by a grid can be returned to the dispatch centre');
      break;
    default:
      break;
  }
  return { allowed: true, next: move.to === SAME ? status.state : move.to };
}

/** States in which a case is finished with: no clock runs and no holder acts on it any more. */
export function isFinished(state: IssueState): boolean {
  return state === 'rejected' || state === 'closed';
}
