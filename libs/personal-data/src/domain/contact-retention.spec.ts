import {
  DEFAULT_RETENTION_DAYS,
  erasureDueAt,
  MAX_RETENTION_DAYS,
  retentionSecondsOf,
  shouldErase,
} from './contact-retention';

describe('contact retention', () => {
  it('reads a period in days as seconds, 0 meaning at once', () => {
    expect(retentionSecondsOf({ contactRetentionDays: DEFAULT_RETENTION_DAYS })).toEqual({
      ok: true,
      seconds: 180 * 86_400,
    });
    expect(retentionSecondsOf({ contactRetentionDays: 0 })).toEqual({ ok: true, seconds: 0 });
  });

  it('takes an exact period in seconds, for tests and exact periods', () => {
    expect(retentionSecondsOf({ contactRetentionSeconds: 5 })).toEqual({ ok: true, seconds: 5 });
  });

  it('refuses both units, neither, fractions, negatives and periods over ten years', () => {
    for (const input of [
      {},
      { contactRetentionDays: 1, contactRetentionSeconds: 1 },
      { contactRetentionDays: 1.5 },
      { contactRetentionDays: -1 },
      { contactRetentionDays: MAX_RETENTION_DAYS + 1 },
      { contactRetentionSeconds: -5 },
    ]) {
      expect(retentionSecondsOf(input)).toMatchObject({ ok: false });
    }
  });

  it('makes a contact due for erasure the period after its reason ended', () => {
    expect(erasureDueAt(new Date('2026-01-01T00:00:00Z'), 86_400).toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('erases a contact whose case or membership is still ended as when the timer was set', () => {
    const ended = new Date('2026-01-01T00:00:00Z');
    expect(shouldErase({ scheduledFor: ended, currentlyFor: new Date(ended), alreadyErased: false })).toBe(true);
  });

  it('keeps the contact of a case or member that is active again', () => {
    expect(
      shouldErase({ scheduledFor: new Date('2026-01-01T00:00:00Z'), currentlyFor: null, alreadyErased: false }),
    ).toBe(false);
  });

  it('leaves a contact that ended again later to the later timer', () => {
    expect(
      shouldErase({
        scheduledFor: new Date('2026-01-01T00:00:00Z'),
        currentlyFor: new Date('2026-02-01T00:00:00Z'),
        alreadyErased: false,
      }),
    ).toBe(false);
  });

  it('does nothing to a contact already erased', () => {
    const ended = new Date('2026-01-01T00:00:00Z');
    expect(shouldErase({ scheduledFor: ended, currentlyFor: ended, alreadyErased: true })).toBe(false);
  });
});
