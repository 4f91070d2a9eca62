import { CaseAction, CaseStatus, decideTransition, IssueState } from './case-state-machine';

const status = (state: IssueState, more: Partial<CaseStatus> = {}): CaseStatus => ({
  state,
  parked: false,
  extensionPending: false,
  rated: false,
  resolveClockRunning: state === 'acknowledged' || state === 'in-progress',
  heldByGrid: true,
  atTop: false,
  ...more,
});

function next(state: IssueState, action: CaseAction, more: Partial<CaseStatus> = {}): IssueState | string {
  const outcome = decideTransition(status(state, more), action);
  return outcome.allowed ? outcome.next : outcome.code;
}

describe('the case state machine', () => {
  it('walks the happy path from a report in the queue to a closed case', () => {
    const path: Array<[IssueState, CaseAction, IssueState]> = [
      ['reported', 'accept', 'accepted'],
      ['accepted', 'dispatch', 'dispatched'],
      ['dispatched', 'acknowledge', 'acknowledged'],
      ['acknowledged', 'start-work', 'in-progress'],
      ['in-progress', 'resolve', 'resolved'],
      ['resolved', 'verify', 'verified'],
      ['verified', 'close', 'closed'],
    ];
    for (const [from, action, to] of path) expect(next(from, action)).toBe(to);
  });

  it('rejects a report in the queue, or a returned case, but not a dispatched one', () => {
    expect(next('reported', 'reject')).toBe('rejected');
    expect(next('accepted', 'reject')).toBe('rejected');
    expect(next('dispatched', 'reject')).toBe('ILLEGAL_TRANSITION');
  });

  it('sends a case whose verification failed back to work (rework)', () => {
    expect(next('resolved', 'fail-verification')).toBe('in-progress');
    expect(next('verified', 'fail-verification')).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses to skip steps: no resolving before work starts, no closing before verification, no acknowledging twice', () => {
    expect(next('acknowledged', 'resolve')).toBe('ILLEGAL_TRANSITION');
    expect(next('resolved', 'close')).toBe('ILLEGAL_TRANSITION');
    expect(next('acknowledged', 'acknowledge')).toBe('ILLEGAL_TRANSITION');
    expect(next('closed', 'start-work')).toBe('ILLEGAL_TRANSITION');
    expect(next('rejected', 'accept')).toBe('ILLEGAL_TRANSITION');
    expect(next('reported', 'dispatch')).toBe('ILLEGAL_TRANSITION');
  });

  it('names what the case would have to be in the refusal', () => {
    const outcome = decideTransition(status('dispatched'), 'resolve');
    expect(outcome).toEqual({
      allowed: false,
      code: 'ILLEGAL_TRANSITION',
      reason: expect.stringContaining('in-progress'),
    });
  });

  it('lets a closed case be rated once', () => {
    expect(next('closed', 'rate')).toBe('closed');
    expect(next('closed', 'rate', { rated: true })).toBe('ALREADY_RATED');
    expect(next('resolved', 'rate')).toBe('ILLEGAL_TRANSITION');
  });

  it('returns only cases a grid holds and has not started on, back to the centre queue', () => {
    expect(next('dispatched', 'return')).toBe('accepted');
    expect(next('acknowledged', 'return')).toBe('accepted');
    expect(next('in-progress', 'return')).toBe('ILLEGAL_TRANSITION');
    expect(next('dispatched', 'return', { heldByGrid: false })).toBe('ILLEGAL_TRANSITION');
  });

  it('escalates an open case to a holder that must acknowledge again', () => {
    expect(next('dispatched', 'escalate')).toBe('dispatched');
    expect(next('in-progress', 'escalate')).toBe('dispatched');
    expect(next('resolved', 'escalate')).toBe('ILLEGAL_TRANSITION');
  });

  it('takes one extension request at a time, from a grid whose resolve clock runs, and decides only a pending one', () => {
    expect(next('in-progress', 'request-extension')).toBe('in-progress');
    expect(next('in-progress', 'request-extension', { extensionPending: true })).toBe('EXTENSION_PENDING');
    expect(next('in-progress', 'request-extension', { resolveClockRunning: false })).toBe('ILLEGAL_TRANSITION');
    expect(next('in-progress', 'request-extension', { heldByGrid: false })).toBe('ILLEGAL_TRANSITION');
    expect(next('dispatched', 'request-extension')).toBe('ILLEGAL_TRANSITION');
    expect(next('in-progress', 'approve-extension', { extensionPending: true })).toBe('in-progress');
    expect(next('in-progress', 'deny-extension')).toBe('NO_PENDING_EXTENSION');
  });

  it('allows nothing but un-parking on a parked case, and un-parking only on a parked one', () => {
    expect(next('in-progress', 'park')).toBe('in-progress');
    expect(next('in-progress', 'resolve', { parked: true })).toBe('ISSUE_PARKED');
    expect(next('in-progress', 'escalate', { parked: true })).toBe('ISSUE_PARKED');
    expect(next('in-progress', 'park', { parked: true })).toBe('ISSUE_PARKED');
    expect(next('in-progress', 'unpark', { parked: true })).toBe('in-progress');
    expect(next('in-progress', 'unpark')).toBe('NOT_PARKED');
    expect(next('dispatched', 'park')).toBe('ILLEGAL_TRANSITION');
  });

  it('reassigns only a case someone has taken', () => {
    expect(next('acknowledged', 'reassign')).toBe('acknowledged');
    expect(next('dispatched', 'reassign')).toBe('ILLEGAL_TRANSITION');
  });
});
