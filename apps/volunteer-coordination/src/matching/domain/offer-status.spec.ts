import { issueTaskWindow } from './issue-task-window';
import { nextOfferStatus, offersToMake, taskStateAfter } from './offer-status';

describe('offer status', () => {
  it('goes offered → accepted → checked-in → checked-out → completed', () => {
    expect(nextOfferStatus('offered', 'accept')).toBe('accepted');
    expect(nextOfferStatus('accepted', 'check-in')).toBe('checked-in');
    expect(nextOfferStatus('checked-in', 'check-out')).toBe('checked-out');
    expect(nextOfferStatus('checked-out', 'complete')).toBe('completed');
  });

  it('refuses to skip a step or to answer an offer twice', () => {
    expect(nextOfferStatus('accepted', 'complete')).toBeNull();
    expect(nextOfferStatus('offered', 'check-in')).toBeNull();
    expect(nextOfferStatus('declined', 'accept')).toBeNull();
    expect(nextOfferStatus('expired', 'decline')).toBeNull();
    expect(nextOfferStatus('accepted', 'expire')).toBeNull();
  });

  it('offers one place per slot neither taken nor waiting, and says when nobody is left', () => {
    expect(offersToMake({ needed: 3, assigned: 1, pending: 1 })).toBe(1);
    expect(offersToMake({ needed: 1, assigned: 1, pending: 0 })).toBe(0);
    expect(taskStateAfter({ needed: 3, assigned: 3, pending: 0 })).toBe('filled');
    expect(taskStateAfter({ needed: 3, assigned: 1, pending: 1 })).toBe('open');
    expect(taskStateAfter({ needed: 3, assigned: 1, pending: 0 })).toBe('unfilled');
  });
});

describe('issue task window', () => {
  it('asks for the next hour', () => {
    const { start, end } = issueTaskWindow(new Date('2026-06-06T02:00:00Z'), 'Asia/Shanghai');
    expect(end.getTime() - start.getTime()).toBe(60 * 60_000);
  });

  it('stops at local midnight, so a late issue still finds volunteers free that day', () => {
    const { end } = issueTaskWindow(new Date('2026-06-06T15:30:00Z'), 'Asia/Shanghai'); // 23:30 in Shanghai
    expect(end.toISOString()).toBe('2026-06-06T16:00:00.000Z');
  });
});
