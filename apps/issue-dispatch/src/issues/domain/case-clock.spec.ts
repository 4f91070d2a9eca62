import { checkExtensionRequest, pauseClocks, resolvedOnTime, resumeClocks } from './case-clock';
import { completeSnapshot, defaultResolveWindows, policySnapshotOf, resolveDeadline } from './resolve-policy';

const at = (iso: string) => new Date(iso);

describe('case clocks', () => {
  it('gives a parked case back exactly the time it had left when it resumes', () => {
    const paused = pauseClocks(null, at('2026-12-01T10:05:00Z'), at('2026-12-01T10:00:00Z'));
    expect(paused).toEqual({ ackRemainingMs: null, resolveRemainingMs: 300_000 });
    const resumed = resumeClocks(paused, at('2026-12-03T08:00:00Z'));
    expect(resumed.ackDeadline).toBeNull();
    expect(resumed.resolveDeadline?.toISOString()).toBe('2026-12-03T08:05:00.000Z');
  });

  it('keeps no negative time for a deadline that had already passed', () => {
    expect(pauseClocks(at('2026-12-01T09:00:00Z'), null, at('2026-12-01T10:00:00Z')).ackRemainingMs).toBe(0);
  });

  it('accepts an extension only to a later, future deadline within the limit', () => {
    const now = at('2026-12-01T10:00:00Z');
    const current = at('2026-12-01T12:00:00Z');
    expect(checkExtensionRequest(current, at('2026-12-02T12:00:00Z'), now, 30 * 86400)).toBeNull();
    expect(checkExtensionRequest(current, at('2026-12-01T11:00:00Z'), now, 30 * 86400)?.reason).toContain(
      'later than the current deadline',
    );
    expect(checkExtensionRequest(current, at('2026-12-01T09:00:00Z'), now, 30 * 86400)?.reason).toBe(
      'must be in the future',
    );
    expect(checkExtensionRequest(current, at('2027-12-01T09:00:00Z'), now, 30 * 86400)?.reason).toContain('within');
  });

  it('counts a case resolved at or before its deadline as on time', () => {
    expect(resolvedOnTime(at('2026-12-01T10:00:00Z'), at('2026-12-01T10:00:00Z'))).toBe(true);
    expect(resolvedOnTime(at('2026-12-01T10:00:00Z'), at('2026-12-01T10:00:01Z'))).toBe(false);
  });
});

describe('resolve windows', () => {
  it('put the deadline the level window after the start', () => {
    const windows = policySnapshotOf({
      ackWithinSeconds: {},
      resolveWithinSeconds: { grid: 120 },
    }).resolveWithinSeconds;
    expect(resolveDeadline(windows, 'grid', at('2026-12-01T10:00:00Z')).toISOString()).toBe('2026-12-01T10:02:00.000Z');
    expect(windows.street).toBe(defaultResolveWindows.street);
  });

  it('keep a case’s own snapshot, and complete an older one from the category once', () => {
    const own = policySnapshotOf({ ackWithinSeconds: {}, resolveWithinSeconds: { micro: 5 } });
    expect(
      completeSnapshot(own, { ackWithinSeconds: {}, resolveWithinSeconds: { micro: 999 } }).resolveWithinSeconds.micro,
    ).toBe(5);
    const older = { ackWithinSeconds: own.ackWithinSeconds };
    expect(
      completeSnapshot(older, { ackWithinSeconds: {}, resolveWithinSeconds: { micro: 999 } }).resolveWithinSeconds
        .micro,
    ).toBe(999);
    expect(completeSnapshot(older, null).resolveWithinSeconds.micro).toBe(defaultResolveWindows.micro);
  });
});
