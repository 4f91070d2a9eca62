import { idleStepAfter } from './idle-step';

describe('idleStepAfter', () => {
  const now = new Date('2026-12-01T08:00:00.000Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('claims at once when a timer is claimable, whatever comes next', () => {
    expect(idleStepAfter({ claimable: true, nextDue: later(37) }, now, 200)).toEqual({ sleepMs: 0, thenClaim: true });
  });

  it('sleeps the whole poll interval and probes again when no timer is pending', () => {
    expect(idleStepAfter({ claimable: false, nextDue: null }, now, 200)).toEqual({
      sleepMs: 200,
      thenClaim: false,
    });
  });

  it('wakes just after the next deadline and claims when it falls within the poll interval', () => {
    expect(idleStepAfter({ claimable: false, nextDue: later(37) }, now, 200)).toEqual({
      sleepMs: 38,
      thenClaim: true,
    });
  });

  it('never sleeps past the poll interval, and then probes rather than claims', () => {
    expect(idleStepAfter({ claimable: false, nextDue: later(86_400_000) }, now, 200)).toEqual({
      sleepMs: 200,
      thenClaim: false,
    });
  });

  it('claims after a millisecond when the next deadline passed while the probe came back', () => {
    expect(idleStepAfter({ claimable: false, nextDue: later(-5) }, now, 200)).toEqual({
      sleepMs: 1,
      thenClaim: true,
    });
  });
});
