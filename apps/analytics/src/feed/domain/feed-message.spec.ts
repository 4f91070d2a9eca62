import { applyIssueEvent, emptyIssueFacts } from '../../issues/domain/issue-facts';
import {
  feedMessageOf,
  feedServes,
  messagesAfter,
  overdueCheckAt,
  overdueMessageOf,
  serverSentEvent,
} from './feed-message';

const at = new Date('2026-11-28T10:00:00Z');
const deadline = new Date('2026-11-28T10:30:00Z');
const facts = applyIssueEvent(emptyIssueFacts('erqi', 'issue-1'), {
  kind: 'escalated',
  category: 'fire-lane',
  fromGridId: 'micro-47',
  fromLevel: 'micro',
  toGridId: 'grid-3',
  toLevel: 'grid',
  depth: 1,
  critical: false,
  ackDeadline: deadline,
  resolveDeadline: null,
  at,
});

describe('feed messages', () => {
  it('turns an escalation into an `escalated` message naming the new holder, its deadline and the reason', () => {
    const message = feedMessageOf(
      {
        id: 'ce-1',
        type: 'gridline.issue.escalated',
        time: at.toISOString(),
        data: { reason: 'ack-timeout', phone: 'x' },
      },
      facts,
    );
    expect(message).toEqual({
      id: 'ce-1',
      event: 'escalated',
      tenantId: 'erqi',
      issueId: 'issue-1',
      category: 'fire-lane',
      state: 'dispatched',
      level: 'grid',
      gridId: 'grid-3',
      depth: 1,
      critical: false,
      deadline: deadline.toISOString(),
      reason: 'ack-timeout',
      at: at.toISOString(),
    });
  });

  it('carries no message for event types the feed leaves out', () => {
    expect(
      feedMessageOf({ id: 'ce-2', type: 'gridline.issue.work-started', time: at.toISOString(), data: {} }, facts),
    ).toBeNull();
  });

  it('writes one text/event-stream message with the event id, name and one line of JSON', () => {
    const text = serverSentEvent(overdueMessageOf(facts, deadline));
    expect(text).toMatch(/^id: overdue:issue-1:2026-11-28T10:30:00.000Z\nevent: overdue\ndata: \{.*\}\n\n$/);
  });

  it('gives a district connection its own district only, and a city connection every district', () => {
    expect(feedServes('erqi', { tenantId: 'erqi' })).toBe(true);
    expect(feedServes('jinshui', { tenantId: 'erqi' })).toBe(false);
    expect(feedServes(null, { tenantId: 'erqi' })).toBe(true);
  });

  it('replays what came after the last event id, or the whole buffer when that id is gone', () => {
    const buffer = ['a', 'b', 'c'].map((id) => ({ ...overdueMessageOf(facts, deadline), id }));
    expect(messagesAfter(buffer, 'a').map((m) => m.id)).toEqual(['b', 'c']);
    expect(messagesAfter(buffer, 'c')).toEqual([]);
    expect(messagesAfter(buffer, 'long-gone').map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('checks a city-centre case at its deadline, and a case below after the grace period', () => {
    expect(overdueCheckAt({ currentDeadline: deadline, currentLevel: 'city' }, 60)).toEqual(deadline);
    expect(overdueCheckAt({ currentDeadline: deadline, currentLevel: 'street' }, 60)).toEqual(
      new Date(deadline.getTime() + 60_000),
    );
    expect(overdueCheckAt({ currentDeadline: null, currentLevel: 'city' }, 60)).toBeNull();
  });
});
