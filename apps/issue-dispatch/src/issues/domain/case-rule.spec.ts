import type { ActorGrants, CasePlace } from './case-permissions';
import { availableCaseActions, decideCaseAction } from './case-rule';
import { CaseStatus, IssueState, issueStates } from './case-state-machine';

// A case held by the micro-grid (below a community and a street) once dispatched; by the district centre before.
const inQueue = (state: IssueState) => state === 'reported' || state === 'accepted';
const statusOf = (state: IssueState, more: Partial<CaseStatus> = {}): CaseStatus => ({
  state,
  parked: false,
  extensionPending: false,
  rated: false,
  resolveClockRunning: state === 'acknowledged' || state === 'in-progress',
  heldByGrid: !inQueue(state),
  atTop: false,
  ...more,
});
const placeOf = (state: IssueState): CasePlace => ({
  holderLineage: inQueue(state) ? [] : ['micro', 'community', 'street'],
  reporterSubject: 'resident-1',
});

const callers: Record<string, ActorGrants> = {
  dispatcher: { subject: 'd-1', roles: [{ role: 'dispatcher' }] },
  'holder leader': { subject: 'l-1', roles: [{ role: 'leader', grid: 'micro' }] },
  'holder worker': { subject: 'w-1', roles: [{ role: 'worker', grid: 'micro' }] },
  'ancestor leader': { subject: 'l-2', roles: [{ role: 'leader', grid: 'community' }] },
  'ancestor worker': { subject: 'w-2', roles: [{ role: 'worker', grid: 'community' }] },
  'other grid leader': { subject: 'l-3', roles: [{ role: 'leader', grid: 'other-micro' }] },
  reporter: { subject: 'resident-1', roles: [{ role: 'resident' }] },
  'other resident': { subject: 'resident-2', roles: [{ role: 'resident' }] },
  'city viewer': { subject: 'v-1', roles: [{ role: 'city-viewer' }] },
  auditor: { subject: 'a-1', roles: [{ role: 'auditor' }] },
};

type Row = Partial<Record<IssueState, string[]>>;
// Every state not named in a row: no actions.
const table: Record<string, Row> = {
  dispatcher: {
    reported: ['accept', 'reject'],
    accepted: ['reject', 'dispatch'],
    dispatched: ['acknowledge', 'return', 'escalate'],
    acknowledged: ['start-work', 'return', 'escalate', 'reassign', 'park'],
    'in-progress': ['resolve', 'escalate', 'reassign', 'park'],
    resolved: ['verify'],
    verified: ['close'],
  },
  'holder leader': {
    dispatched: ['acknowledge', 'return', 'escalate'],
    acknowledged: ['start-work', 'request-extension', 'return', 'escalate', 'reassign', 'park'],
    'in-progress': ['resolve', 'request-extension', 'escalate', 'reassign', 'park'],
  },
  'holder worker': {
    dispatched: ['acknowledge', 'return', 'escalate'],
    acknowledged: ['start-work', 'request-extension', 'return', 'escalate'],
    'in-progress': ['resolve', 'request-extension', 'escalate'],
  },
  'ancestor leader': {
    dispatched: ['acknowledge', 'return', 'escalate'],
    acknowledged: ['start-work', 'return', 'escalate', 'reassign', 'park'],
    'in-progress': ['resolve', 'escalate', 'reassign', 'park'],
  },
  'ancestor worker': {},
  'other grid leader': {},
  reporter: { resolved: ['verify'], closed: ['rate'] },
  'other resident': {},
  'city viewer': {},
  auditor: {},
};

describe('the actions a caller may take on a case (state × role × grid scope)', () => {
  for (const [caller, row] of Object.entries(table)) {
    for (const state of issueStates) {
      const expected = row[state] ?? [];
      it(`gives a ${caller} [${expected.join(', ')}] on a ${state} case`, () => {
        expect(availableCaseActions(statusOf(state), callers[caller], placeOf(state))).toEqual(expected);
      });
    }
  }

  it('offers only un-parking on a parked case, and only to those who may park', () => {
    const parked = statusOf('in-progress', { parked: true });
    expect(availableCaseActions(parked, callers.dispatcher, placeOf('in-progress'))).toEqual(['unpark']);
    expect(availableCaseActions(parked, callers['holder leader'], placeOf('in-progress'))).toEqual(['unpark']);
    expect(availableCaseActions(parked, callers['holder worker'], placeOf('in-progress'))).toEqual([]);
  });

  it('offers deciding a pending extension one level up, and no second request to the holder', () => {
    const pending = statusOf('in-progress', { extensionPending: true });
    expect(availableCaseActions(pending, callers['ancestor leader'], placeOf('in-progress'))).toEqual([
      'resolve',
      'approve-extension',
      'deny-extension',
      'escalate',
      'reassign',
      'park',
    ]);
    expect(availableCaseActions(pending, callers.dispatcher, placeOf('in-progress'))).toEqual([
      'resolve',
      'approve-extension',
      'deny-extension',
      'escalate',
      'reassign',
      'park',
    ]);
    expect(availableCaseActions(pending, callers['holder worker'], placeOf('in-progress'))).toEqual([
      'resolve',
      'escalate',
    ]);
  });

  it('offers no escalation or return at the city centre, and no second rating', () => {
    const atCity: CasePlace = { holderLineage: [], reporterSubject: 'resident-1' };
    expect(
      availableCaseActions(statusOf('dispatched', { heldByGrid: false, atTop: true }), callers.dispatcher, atCity),
    ).toEqual(['acknowledge']);
    expect(availableCaseActions(statusOf('closed', { rated: true }), callers.reporter, placeOf('closed'))).toEqual([]);
  });

  it('tells "not yours" (403) from "not now" (409), so the workflow refuses as the buttons show', () => {
    expect(decideCaseAction('close', statusOf('dispatched'), callers['holder leader'], placeOf('dispatched'))).toEqual({
      allowed: false,
      refusal: 'not-yours',
    });
    expect(decideCaseAction('close', statusOf('dispatched'), callers.dispatcher, placeOf('dispatched'))).toMatchObject({
      allowed: false,
      refusal: 'state',
      code: 'ILLEGAL_TRANSITION',
    });
    expect(
      decideCaseAction('escalate', statusOf('dispatched', { atTop: true }), callers.dispatcher, placeOf('dispatched')),
    ).toMatchObject({ allowed: false, refusal: 'state', code: 'ILLEGAL_TRANSITION' });
    expect(
      decideCaseAction('acknowledge', statusOf('dispatched'), callers['holder worker'], placeOf('dispatched')),
    ).toMatchObject({ allowed: true, next: 'acknowledged', actingAs: { capacity: 'holder-worker' } });
  });
});
