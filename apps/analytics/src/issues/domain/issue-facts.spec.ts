import { applyIssueEvent, emptyIssueFacts, IssueFactEvent, IssueFacts } from './issue-facts';

const reported: IssueFactEvent = { kind: 'reported', category: 'fire-lane', channel: 'resident', gridId: 'micro-47', reportedAt: new Date('2026-11-28T10:00:00Z') };
const dispatched: IssueFactEvent = { kind: 'dispatched', category: 'fire-lane', gridId: 'micro-47', level: 'micro', at: new Date('2026-11-28T10:00:01Z') };
const toGrid: IssueFactEvent = { kind: 'escalated', category: 'fire-lane', fromGridId: 'micro-47', fromLevel: 'micro', toGridId: 'grid-3', toLevel: 'grid', depth: 1, critical: false };
const toCommunity: IssueFactEvent = { kind: 'escalated', category: 'fire-lane', fromGridId: 'grid-3', fromLevel: 'grid', toGridId: 'community-t', toLevel: 'community', depth: 2, critical: false };
const acknowledged: IssueFactEvent = { kind: 'acknowledged', gridId: 'community-t', level: 'community', acknowledgedAt: new Date('2026-11-28T12:00:00Z') };

function fold(events: IssueFactEvent[], start: IssueFacts = emptyIssueFacts('erqi', 'issue-1')): IssueFacts {
  return events.reduce(applyIssueEvent, start);
}

describe('applyIssueEvent', () => {
  it('puts a dispatched issue at the level and grid it was dispatched to', () => {
    const facts = fold([reported, dispatched]);
    expect(facts).toMatchObject({ state: 'dispatched', currentLevel: 'micro', currentGridId: 'micro-47', originLevel: 'micro', category: 'fire-lane', escalationDepth: 0 });
    expect(facts.reportedAt?.toISOString()).toBe('2026-11-28T10:00:00.000Z');
  });

  it('follows escalations up the ladder and counts their depth', () => {
    expect(fold([reported, dispatched, toGrid, toCommunity])).toMatchObject({ currentLevel: 'community', currentGridId: 'community-t', escalationDepth: 2, originLevel: 'micro' });
  });

  it('changes nothing when the same event is applied twice', () => {
    const once = fold([reported, dispatched, toGrid, acknowledged]);
    expect(fold([reported, dispatched, toGrid, toGrid, acknowledged, acknowledged, dispatched])).toEqual(once);
  });

  it('never moves the holder back when an older escalation is replayed after a newer one', () => {
    expect(fold([dispatched, toGrid, toCommunity, toGrid])).toMatchObject({ currentLevel: 'community', escalationDepth: 2 });
  });

  it('keeps the holder of an escalated issue when its dispatch is replayed', () => {
    expect(fold([dispatched, toGrid, dispatched])).toMatchObject({ currentLevel: 'grid', originLevel: 'micro' });
  });

  it('accepts an issue first seen by its dispatch, without a report', () => {
    expect(fold([dispatched])).toMatchObject({ state: 'dispatched', category: 'fire-lane', reportedAt: null, currentLevel: 'micro' });
  });

  it('takes the origin from the first escalation when the dispatch was never seen', () => {
    expect(fold([toGrid])).toMatchObject({ originLevel: 'micro', originGridId: 'micro-47', currentLevel: 'grid', state: 'dispatched' });
  });

  it('marks an issue critical once it reaches the city centre, and keeps it so', () => {
    const toCity: IssueFactEvent = { kind: 'escalated', category: 'fire-lane', fromGridId: null, fromLevel: 'district', toGridId: null, toLevel: 'city', depth: 6, critical: true };
    expect(fold([dispatched, toCity, toGrid])).toMatchObject({ critical: true, currentLevel: 'city', escalationDepth: 6 });
  });

  it('records the acknowledging holder and keeps the issue acknowledged', () => {
    const facts = fold([dispatched, toGrid, toCommunity, acknowledged, dispatched]);
    expect(facts).toMatchObject({ state: 'acknowledged', currentLevel: 'community', currentGridId: 'community-t' });
    expect(facts.acknowledgedAt?.toISOString()).toBe('2026-11-28T12:00:00.000Z');
  });
});
