import { escalationPath } from './escalation-path';
import { emptyIssueFacts, IssueFacts } from './issue-facts';

const dispatchedAt = new Date('2026-11-28T10:00:00Z');
const facts: IssueFacts = {
  ...emptyIssueFacts('erqi', 'issue-1'),
  originLevel: 'micro',
  originGridId: 'micro-47',
  dispatchedAt,
  state: 'dispatched',
};

describe('escalationPath', () => {
  it('starts at the grid the issue was dispatched to and adds one stop per escalation, in depth order', () => {
    const path = escalationPath(facts, [
      {
        depth: 2,
        fromLevel: 'grid',
        fromGridId: 'grid-3',
        toLevel: 'community',
        toGridId: 'community-t',
        at: new Date('2026-11-28T11:30:00Z'),
      },
      {
        depth: 1,
        fromLevel: 'micro',
        fromGridId: 'micro-47',
        toLevel: 'grid',
        toGridId: 'grid-3',
        at: new Date('2026-11-28T10:30:00Z'),
      },
    ]);
    expect(path).toEqual([
      { level: 'micro', gridId: 'micro-47', at: '2026-11-28T10:00:00.000Z' },
      { level: 'grid', gridId: 'grid-3', at: '2026-11-28T10:30:00.000Z' },
      { level: 'community', gridId: 'community-t', at: '2026-11-28T11:30:00.000Z' },
    ]);
  });

  it('is just the dispatch grid for an issue that never escalated', () => {
    expect(escalationPath(facts, [])).toEqual([{ level: 'micro', gridId: 'micro-47', at: '2026-11-28T10:00:00.000Z' }]);
  });

  it('starts from the first escalation’s holder when the dispatch was never seen', () => {
    const path = escalationPath(emptyIssueFacts('erqi', 'issue-1'), [
      {
        depth: 1,
        fromLevel: 'street',
        fromGridId: 's1',
        toLevel: 'district',
        toGridId: null,
        at: new Date('2026-11-28T10:30:00Z'),
      },
    ]);
    expect(path).toEqual([
      { level: 'street', gridId: 's1', at: null },
      { level: 'district', gridId: null, at: '2026-11-28T10:30:00.000Z' },
    ]);
  });
});
