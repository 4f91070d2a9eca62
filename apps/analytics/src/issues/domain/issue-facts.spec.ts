import {
  applyIssueEvent,
  currentDeadlineOf,
  emptyIssueFacts,
  IssueFactEvent,
  IssueFacts,
  isOverdue,
} from './issue-facts';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute));
const reported: IssueFactEvent = {
  kind: 'reported',
  category: 'fire-lane',
  channel: 'resident',
  gridId: 'micro-47',
  reportedAt: t(0),
  at: t(0),
};
const dispatched: IssueFactEvent = {
  kind: 'dispatched',
  category: 'fire-lane',
  gridId: 'micro-47',
  level: 'micro',
  ackDeadline: t(30),
  at: t(1),
};
const step = { category: 'fire-lane', reason: 'ack-timeout', critical: false, resolveDeadline: null } as const;
const toGrid: IssueFactEvent = {
  kind: 'escalated',
  ...step,
  fromGridId: 'micro-47',
  fromLevel: 'micro',
  toGridId: 'grid-3',
  toLevel: 'grid',
  depth: 1,
  ackDeadline: t(60),
  at: t(30),
};
const toCommunity: IssueFactEvent = {
  kind: 'escalated',
  ...step,
  fromGridId: 'grid-3',
  fromLevel: 'grid',
  toGridId: 'community-t',
  toLevel: 'community',
  depth: 2,
  ackDeadline: t(90),
  at: t(60),
};
const acknowledged: IssueFactEvent = {
  kind: 'acknowledged',
  gridId: 'community-t',
  level: 'community',
  acknowledgedAt: t(70),
  resolveDeadline: t(200),
  at: t(70),
};
const holder = { gridId: 'community-t', level: 'community' } as const;
const workStarted: IssueFactEvent = { kind: 'work-started', ...holder, at: t(80) };
const resolved: IssueFactEvent = { kind: 'resolved', ...holder, at: t(90) };
const verified: IssueFactEvent = { kind: 'verified', at: t(100) };
const closed: IssueFactEvent = {
  kind: 'closed',
  category: 'fire-lane',
  reworkCount: 0,
  extensionCount: 0,
  onTime: true,
  closedAt: t(110),
  at: t(110),
};

function fold(events: IssueFactEvent[], start: IssueFacts = emptyIssueFacts('erqi', 'issue-1')): IssueFacts {
  return events.reduce(applyIssueEvent, start);
}

describe('applyIssueEvent', () => {
  it('puts a dispatched issue at the level and grid it was dispatched to, watched against its ack deadline', () => {
    const facts = fold([reported, dispatched]);
    expect(facts).toMatchObject({
      state: 'dispatched',
      currentLevel: 'micro',
      currentGridId: 'micro-47',
      originLevel: 'micro',
      category: 'fire-lane',
      escalationDepth: 0,
    });
    expect(facts.reportedAt).toEqual(t(0));
    expect(facts.currentDeadline).toEqual(t(30));
    expect(facts.holderSince).toEqual(t(1));
  });

  it('follows escalations up the ladder, counts their depth and takes the new holder’s deadline', () => {
    const facts = fold([reported, dispatched, toGrid, toCommunity]);
    expect(facts).toMatchObject({
      currentLevel: 'community',
      currentGridId: 'community-t',
      escalationDepth: 2,
      originLevel: 'micro',
    });
    expect([facts.currentDeadline, facts.holderSince]).toEqual([t(90), t(60)]);
  });

  it('changes nothing when the same event is applied twice', () => {
    const once = fold([reported, dispatched, toGrid, acknowledged]);
    expect(fold([reported, dispatched, toGrid, toGrid, acknowledged, acknowledged, dispatched])).toEqual(once);
  });

  it('never moves the holder back when an older escalation is replayed after a newer one', () => {
    expect(fold([dispatched, toGrid, toCommunity, toGrid])).toMatchObject({
      currentLevel: 'community',
      escalationDepth: 2,
    });
  });

  it('keeps the holder of an escalated issue when its dispatch is replayed', () => {
    expect(fold([dispatched, toGrid, dispatched])).toMatchObject({ currentLevel: 'grid', originLevel: 'micro' });
  });

  it('accepts an issue first seen by its dispatch, without a report', () => {
    expect(fold([dispatched])).toMatchObject({
      state: 'dispatched',
      category: 'fire-lane',
      reportedAt: null,
      currentLevel: 'micro',
    });
  });

  it('accepts an issue first seen by its closing, and keeps its numbers', () => {
    expect(fold([{ ...closed, reworkCount: 2, extensionCount: 1 }])).toMatchObject({
      state: 'closed',
      reworkCount: 2,
      extensionCount: 1,
      closedOnTime: true,
      currentDeadline: null,
    });
  });

  it('takes the origin from the first escalation when the dispatch was never seen', () => {
    expect(fold([toGrid])).toMatchObject({
      originLevel: 'micro',
      originGridId: 'micro-47',
      currentLevel: 'grid',
      state: 'dispatched',
    });
  });

  it('marks an issue critical once it reaches the city centre, and keeps it so', () => {
    const toCity: IssueFactEvent = {
      kind: 'escalated',
      ...step,
      fromGridId: null,
      fromLevel: 'district',
      toGridId: null,
      toLevel: 'city',
      depth: 6,
      critical: true,
      ackDeadline: t(200),
      at: t(150),
    };
    expect(fold([dispatched, toCity, toGrid])).toMatchObject({
      critical: true,
      currentLevel: 'city',
      escalationDepth: 6,
    });
  });

  it('records the acknowledging holder and runs the resolve clock', () => {
    const facts = fold([dispatched, toGrid, toCommunity, acknowledged, dispatched]);
    expect(facts).toMatchObject({ state: 'acknowledged', currentLevel: 'community', currentGridId: 'community-t' });
    expect([facts.acknowledgedAt, facts.ackDeadline, facts.currentDeadline]).toEqual([t(70), null, t(200)]);
  });

  it('walks a case through the loop to closed, with no clock left running', () => {
    const facts = fold([
      reported,
      dispatched,
      acknowledged,
      workStarted,
      resolved,
      verified,
      closed,
      { kind: 'rated', rating: 4, at: t(120) },
    ]);
    expect(facts).toMatchObject({
      state: 'closed',
      closedOnTime: true,
      rating: 4,
      currentDeadline: null,
      reworkCount: 0,
    });
    expect(facts.closedAt).toEqual(t(110));
  });

  it('counts a failed verification as rework and restarts the resolve clock', () => {
    const reopened: IssueFactEvent = {
      kind: 'reopened',
      ...holder,
      reworkCount: 1,
      resolveDeadline: t(300),
      at: t(100),
    };
    const facts = fold([dispatched, acknowledged, workStarted, resolved, reopened, reopened]);
    expect(facts).toMatchObject({ state: 'in-progress', reworkCount: 1, currentDeadline: t(300) });
  });

  it('escalates an acknowledged case whose resolve deadline passed, watching the earlier of its new clocks', () => {
    const resolveTimeout: IssueFactEvent = {
      ...toCommunity,
      reason: 'resolve-timeout',
      ackDeadline: t(150),
      resolveDeadline: t(140),
      at: t(120),
    } as IssueFactEvent;
    const facts = fold([
      dispatched,
      toGrid,
      { ...acknowledged, gridId: 'grid-3', level: 'grid', at: t(40) },
      resolveTimeout,
    ]);
    expect(facts).toMatchObject({ state: 'dispatched', currentLevel: 'community', currentDeadline: t(140) });
  });

  it('counts an approved extension once, however often its event is applied', () => {
    const approved: IssueFactEvent = { kind: 'extension-approved', ...holder, resolveDeadline: t(400), at: t(75) };
    const facts = fold([dispatched, acknowledged, approved, approved]);
    expect([facts.extensionCount, facts.currentDeadline]).toEqual([1, t(400)]);
  });

  it('stops the clock of a parked case and gives it back when un-parked', () => {
    const parked = fold([dispatched, acknowledged, { kind: 'parked', ...holder, at: t(75) }]);
    expect([parked.parked, parked.currentDeadline]).toEqual([true, null]);
    const unparked = applyIssueEvent(parked, {
      kind: 'unparked',
      ...holder,
      ackDeadline: null,
      resolveDeadline: t(500),
      at: t(80),
    });
    expect([unparked.parked, unparked.currentDeadline]).toEqual([false, t(500)]);
  });

  it('sends a returned case back to the district centre without a clock, and a re-dispatch to its new grid', () => {
    const returned = fold([
      reported,
      dispatched,
      { kind: 'returned', fromGridId: 'micro-47', fromLevel: 'micro', at: t(5) },
    ]);
    expect(returned).toMatchObject({
      state: 'accepted',
      currentLevel: 'district',
      currentGridId: null,
      currentDeadline: null,
    });
    const again = applyIssueEvent(returned, { ...dispatched, gridId: 'micro-22', ackDeadline: t(40), at: t(10) });
    expect(again).toMatchObject({
      state: 'dispatched',
      currentGridId: 'micro-22',
      originGridId: 'micro-47',
      currentDeadline: t(40),
    });
  });

  it('puts a queued report at the district centre and ends a rejected one', () => {
    const queued = fold([{ ...reported, gridId: null }]);
    expect(queued).toMatchObject({ currentLevel: 'district', state: 'reported', currentDeadline: null });
    expect(
      fold([
        { ...reported, gridId: null },
        { kind: 'rejected', at: t(3) },
      ]).state,
    ).toBe('rejected');
  });
});

describe('currentDeadlineOf and isOverdue', () => {
  const base = { state: 'dispatched' as const, parked: false, ackDeadline: t(30), resolveDeadline: null };

  it('is overdue once the current deadline has passed, not before', () => {
    const facts = { ...base, currentDeadline: currentDeadlineOf(base) };
    expect(isOverdue(facts, t(29))).toBe(false);
    expect(isOverdue(facts, t(30))).toBe(true);
  });

  it('is never overdue when parked, closed or waiting for verification', () => {
    expect(currentDeadlineOf({ ...base, parked: true })).toBeNull();
    expect(currentDeadlineOf({ ...base, state: 'resolved', resolveDeadline: t(10) })).toBeNull();
    expect(isOverdue({ state: 'closed', currentDeadline: t(1) }, t(60))).toBe(false);
  });
});
