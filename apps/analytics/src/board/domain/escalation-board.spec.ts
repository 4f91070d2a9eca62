import { applyIssueEvent, emptyIssueFacts } from '../../issues/domain/issue-facts';
import { boardItemOf, levelCountsOf } from './escalation-board';

const reportedAt = new Date('2026-11-28T10:00:00Z');
const deadline = new Date('2026-11-28T10:30:00Z');
const facts = [
  { kind: 'reported', category: 'fire-lane', channel: 'resident', gridId: 'micro-47', reportedAt, at: reportedAt },
  {
    kind: 'dispatched',
    category: 'fire-lane',
    gridId: 'micro-47',
    level: 'micro',
    ackDeadline: deadline,
    at: new Date('2026-11-28T10:01:00Z'),
  },
].reduce((f, e) => applyIssueEvent(f, e as never), emptyIssueFacts('erqi', 'issue-1'));

describe('the escalation board', () => {
  it('shows a case with its age, its time at the level, its deadline and whether that passed', () => {
    const before = boardItemOf({ ...facts, currentLevel: 'micro' }, new Date('2026-11-28T10:20:00Z'));
    expect(before).toMatchObject({
      level: 'micro',
      gridId: 'micro-47',
      ageSeconds: 1200,
      atLevelSeconds: 1140,
      deadline: deadline.toISOString(),
      overdue: false,
      critical: false,
    });
    expect(boardItemOf({ ...facts, currentLevel: 'micro' }, new Date('2026-11-28T10:31:00Z')).overdue).toBe(true);
  });

  it('names the holder grid and the grid the case was first dispatched to, and no grid for a dispatch centre', () => {
    const names = { gridName: '47号院', originGridName: '47号院' };
    expect(boardItemOf({ ...facts, currentLevel: 'micro' }, reportedAt, names)).toMatchObject({
      gridId: 'micro-47',
      gridName: '47号院',
      originGridId: 'micro-47',
      originGridName: '47号院',
    });
    const atCentre = boardItemOf({ ...facts, currentLevel: 'district', currentGridId: null }, reportedAt, {
      gridName: 'stale',
      originGridName: '47号院',
    });
    expect(atCentre).toMatchObject({
      gridId: null,
      gridName: null,
      originGridId: 'micro-47',
      originGridName: '47号院',
    });
    expect(boardItemOf({ ...facts, currentLevel: 'micro' }, reportedAt)).toMatchObject({
      gridName: null,
      originGridName: null,
    });
  });

  it('lists every holder level in ladder order, zero when empty', () => {
    const counts = levelCountsOf([{ level: 'street', open: 2, overdue: 1, critical: 0, parked: 0 }]);
    expect(counts.map((c) => c.level)).toEqual(['micro', 'grid', 'community', 'street', 'district', 'city']);
    expect(counts[3]).toEqual({ level: 'street', open: 2, overdue: 1, critical: 0, parked: 0 });
    expect(counts[0].open).toBe(0);
  });
});
