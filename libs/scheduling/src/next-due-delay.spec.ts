import { delayUntilNextDue } from './next-due-delay';

describe('delayUntilNextDue', () => {
  const now = new Date('2026-12-01T08:00:00.000Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('sleeps the whole poll interval when no timer is pending', () => {
    expect(delayUntilNextDue(now, null, 200)).toBe(200);
  });

  it('wakes just after the next deadline when it falls within the poll interval', () => {
    expect(delayUntilNextDue(now, later(37), 200)).toBe(38);
  });

  it('never sleeps past the poll interval, so timers scheduled meanwhile are seen', () => {
    expect(delayUntilNextDue(now, later(86_400_000), 200)).toBe(200);
  });

  it('polls again at once (after a millisecond) when the next deadline has already passed', () => {
    expect(delayUntilNextDue(now, later(-5), 200)).toBe(1);
  });
});
