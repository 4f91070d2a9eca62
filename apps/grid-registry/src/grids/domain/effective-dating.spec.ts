import { checkEffectiveFrom, versionAsOf } from './effective-dating';

const t = (iso: string) => new Date(iso);

describe('versionAsOf', () => {
  const history = [
    { name: 'under the first community', validFrom: t('2026-10-01T00:00:00Z'), validTo: t('2026-11-15T08:00:00Z') },
    { name: 'under the second community', validFrom: t('2026-11-15T08:00:00Z'), validTo: null },
  ];

  it('answers with the state in force at the instant: an issue from last month finds the grid where it was then', () => {
    expect(versionAsOf(history, t('2026-10-20T12:00:00Z'))?.name).toBe('under the first community');
    expect(versionAsOf(history, t('2026-11-20T12:00:00Z'))?.name).toBe('under the second community');
  });

  it('treats periods as [from, to): at the instant of a change the new state holds', () => {
    expect(versionAsOf(history, t('2026-11-15T08:00:00Z'))?.name).toBe('under the second community');
    expect(versionAsOf(history, t('2026-11-15T07:59:59.999Z'))?.name).toBe('under the first community');
  });

  it('answers null before the grid existed', () => {
    expect(versionAsOf(history, t('2026-09-30T23:59:59Z'))).toBeNull();
  });

  it('skips an empty period left by two changes at the same instant', () => {
    const sameInstant = [
      { name: 'renamed', validFrom: t('2026-11-01T00:00:00Z'), validTo: t('2026-11-01T00:00:00Z') },
      { name: 'moved', validFrom: t('2026-11-01T00:00:00Z'), validTo: null },
    ];
    expect(versionAsOf(sameInstant, t('2026-11-01T00:00:00Z'))?.name).toBe('moved');
  });
});

describe('checkEffectiveFrom', () => {
  const now = t('2026-11-28T10:00:00Z');
  const lastChange = t('2026-11-01T00:00:00Z');

  it('accepts now and back-dated instants after the last change', () => {
    expect(checkEffectiveFrom(now, now, lastChange)).toEqual({ allowed: true });
    expect(checkEffectiveFrom(t('2026-11-10T00:00:00Z'), now, lastChange)).toEqual({ allowed: true });
    expect(checkEffectiveFrom(lastChange, now, lastChange)).toEqual({ allowed: true });
  });

  it('refuses the future', () => {
    expect(checkEffectiveFrom(t('2026-12-01T00:00:00Z'), now, lastChange)).toMatchObject({
      allowed: false,
      code: 'EFFECTIVE_DATE_IN_FUTURE',
    });
  });

  it('refuses a date before the last change of the grids involved', () => {
    expect(checkEffectiveFrom(t('2026-10-31T23:59:59Z'), now, lastChange)).toMatchObject({
      allowed: false,
      code: 'EFFECTIVE_DATE_TOO_EARLY',
    });
  });
});
