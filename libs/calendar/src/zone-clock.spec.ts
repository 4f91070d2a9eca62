import { canonicalTimeZone, instantOfLocalTime, localDateAt, utcOffsetMs } from './zone-clock';

const HOUR = 60 * 60 * 1000;

describe('the zone clock', () => {
  it('names time zones canonically and refuses what is not one', () => {
    expect(canonicalTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('+08:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('puts an instant on the local date of the zone, not of UTC', () => {
    // 17:30 UTC is already 01:30 the next morning in Shanghai (UTC+8).
    expect(localDateAt(new Date('2025-06-30T17:30:00Z'), 'Asia/Shanghai')).toBe('2025-07-01');
    expect(localDateAt(new Date('2025-06-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2025-06-30');
    expect(localDateAt(new Date('2025-07-01T03:00:00Z'), 'America/New_York')).toBe('2025-06-30');
  });

  it('turns Shanghai wall time into UTC eight hours earlier, all year round', () => {
    expect(instantOfLocalTime('2025-01-15', '18:00', 'Asia/Shanghai').toISOString()).toBe('2025-01-15T10:00:00.000Z');
    expect(instantOfLocalTime('2025-07-15', '18:00', 'Asia/Shanghai').toISOString()).toBe('2025-07-15T10:00:00.000Z');
    expect(instantOfLocalTime('2025-07-15', '00:00', 'Asia/Shanghai').toISOString()).toBe('2025-07-14T16:00:00.000Z');
    expect(utcOffsetMs(new Date('2025-07-15T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * HOUR);
  });

  it('follows daylight saving time on either side of a change', () => {
    expect(instantOfLocalTime('2025-03-08', '18:00', 'America/New_York').toISOString()).toBe(
      '2025-03-08T23:00:00.000Z',
    ); // EST
    expect(instantOfLocalTime('2025-03-09', '18:00', 'America/New_York').toISOString()).toBe(
      '2025-03-09T22:00:00.000Z',
    ); // EDT
    expect(instantOfLocalTime('2025-10-26', '09:00', 'Europe/Berlin').toISOString()).toBe('2025-10-26T08:00:00.000Z'); // CET after the change
    expect(instantOfLocalTime('2025-10-25', '09:00', 'Europe/Berlin').toISOString()).toBe('2025-10-25T07:00:00.000Z'); // CEST
  });

  it('moves a wall time skipped by the spring-forward gap past the gap', () => {
    // New York jumps from 02:00 EST to 03:00 EDT on 2025-03-09: 02:30 never happens, 03:30 EDT is meant.
    expect(instantOfLocalTime('2025-03-09', '02:30', 'America/New_York').toISOString()).toBe(
      '2025-03-09T07:30:00.000Z',
    );
  });

  it('takes the first of the two occurrences of a wall time repeated when clocks go back', () => {
    // New York repeats 01:00-02:00 on 2025-11-02: 01:30 EDT (05:30Z) comes before 01:30 EST (06:30Z).
    expect(instantOfLocalTime('2025-11-02', '01:30', 'America/New_York').toISOString()).toBe(
      '2025-11-02T05:30:00.000Z',
    );
  });

  it('handles zones with half-hour offsets and zones east of the date line', () => {
    expect(instantOfLocalTime('2025-05-01', '18:00', 'Asia/Kolkata').toISOString()).toBe('2025-05-01T12:30:00.000Z');
    expect(instantOfLocalTime('2025-05-01', '06:00', 'Pacific/Kiritimati').toISOString()).toBe(
      '2025-04-30T16:00:00.000Z',
    );
  });
});
