import {
  OfferDeclined,
  RequestOffered,
  TaskAccepted,
  TaskCheckedOut,
  TaskCompleted,
  TaskOffered,
  TaskUnmatched,
} from '@gridline/contracts';
import { volunteerHistoryStep } from './volunteer-history-step';

const issueId = '7d1f5f7e-1b7a-4c55-9a43-0d3e5d2f6a01';
const eventTime = '2026-12-01T10:00:09.000Z';
const step = (issue: string | null) => ({
  offerId: 'offer-1',
  taskId: 'task-1',
  tenantId: 'erqi',
  issueId: issue,
  volunteerId: 'vol-1',
  gridId: 'g-micro',
  at: '2026-12-01T10:00:05.000Z',
});

describe('volunteer steps in an issue history', () => {
  it('names the volunteer by id only, with the skill and the grid the offer went to, at the time it was offered', () => {
    const row = volunteerHistoryStep(
      TaskOffered.type,
      {
        offerId: 'offer-1',
        tenantId: 'erqi',
        issueId,
        volunteerId: 'vol-1',
        skill: 'first-aid',
        issueGridId: 'g-micro',
        matchedGridId: 'g-3',
        offeredAt: '2026-12-01T10:00:01.000Z',
        taskId: 'task-1',
        expiresAt: '2026-12-01T10:15:01.000Z',
      },
      eventTime,
    );
    expect(row).toEqual({
      tenantId: 'erqi',
      issueId,
      action: 'volunteer-offered',
      actor: 'volunteer:vol-1',
      actorRole: 'volunteer',
      reason: 'skill first-aid, volunteer of grid g-3; answer by 2026-12-01T10:15:01.000Z',
      at: new Date('2026-12-01T10:00:01.000Z'),
    });
  });

  it('records "nobody available" as the matcher, at the time of the event', () => {
    const row = volunteerHistoryStep(
      TaskUnmatched.type,
      { tenantId: 'erqi', issueId, skill: 'plumbing', issueGridId: 'g-micro', asked: 3 },
      eventTime,
    );
    expect(row).toMatchObject({
      action: 'volunteer-unavailable',
      actor: 'system:matching',
      actorRole: 'system',
      reason: 'no volunteer available with skill plumbing (3 asked)',
      at: new Date(eventTime),
    });
  });

  it('maps each step of an accepted offer to its own action, at the time the volunteer took it', () => {
    expect(volunteerHistoryStep(TaskAccepted.type, step(issueId), eventTime)).toMatchObject({
      action: 'volunteer-accepted',
      actor: 'volunteer:vol-1',
      reason: null,
      at: new Date('2026-12-01T10:00:05.000Z'),
    });
    expect(volunteerHistoryStep(TaskCheckedOut.type, step(issueId), eventTime)?.action).toBe('volunteer-checked-out');
    expect(volunteerHistoryStep(OfferDeclined.type, step(issueId), eventTime)).toMatchObject({
      action: 'volunteer-declined',
      reason: null,
    });
    expect(volunteerHistoryStep(TaskCompleted.type, { ...step(issueId), hours: 1.5 }, eventTime)).toMatchObject({
      action: 'volunteer-completed',
      reason: '1.5 h credited',
    });
  });

  it("ignores a grid leader's direct request, which has no issue", () => {
    expect(volunteerHistoryStep(TaskAccepted.type, step(null), eventTime)).toBeNull();
    expect(volunteerHistoryStep(RequestOffered.type, { taskId: 'task-1' }, eventTime)).toBeNull();
  });
});
