import { cutoffHasPassed, cutoffOf, followingCutoff, nextCutoff } from './cutoff';

const shanghai = { cutoff: '18:00', timeZone: 'Asia/Shanghai' };

describe('the daily cut-off', () => {
  it("is today's when it is still ahead in the district's zone", () => {
    const next = nextCutoff(new Date('2025-06-30T02:00:00Z'), shanghai); // 10:00 in Shanghai
    expect(next).toEqual({ date: '2025-06-30', at: new Date('2025-06-30T10:00:00Z') });
  });

  it("is tomorrow's once today's has passed", () => {
    const next = nextCutoff(new Date('2025-06-30T11:00:00Z'), shanghai); // 19:00 in Shanghai
    expect(next).toEqual({ date: '2025-07-01', at: new Date('2025-07-01T10:00:00Z') });
  });

  it("is tomorrow's at the very instant of today's cut-off", () => {
    expect(nextCutoff(new Date('2025-06-30T10:00:00Z'), shanghai).date).toBe('2025-07-01');
  });

  it('counts "today" in the district, not in UTC', () => {
    // 16:30 UTC on the 30th is 00:30 on 1 July in Shanghai: the next 18:00 is on 1 July, not on the 30th.
    expect(nextCutoff(new Date('2025-06-30T16:30:00Z'), shanghai)).toEqual({
      date: '2025-07-01',
      at: new Date('2025-07-01T10:00:00Z'),
    });
    // 15:30 UTC on the 30th is 23:30 in Shanghai: a 23:45 cut-off is still today.
    expect(nextCutoff(new Date('2025-06-30T15:30:00Z'), { cutoff: '23:45', timeZone: 'Asia/Shanghai' })).toEqual({
      date: '2025-06-30',
      at: new Date('2025-06-30T15:45:00Z'),
    });
  });

  it('a midnight cut-off closes the day that starts at it', () => {
    expect(cutoffOf('2025-07-01', { cutoff: '00:00', timeZone: 'Asia/Shanghai' }).at).toEqual(
      new Date('2025-06-30T16:00:00Z'),
    );
  });

  it('keeps local time across a daylight-saving change (the next day is 23 hours away)', () => {
    const newYork = { cutoff: '18:00', timeZone: 'America/New_York' };
    const saturday = cutoffOf('2025-03-08', newYork);
    const sunday = followingCutoff(saturday, newYork);
    expect(sunday).toEqual({ date: '2025-03-09', at: new Date('2025-03-09T22:00:00Z') });
    expect(sunday.at.getTime() - saturday.at.getTime()).toBe(23 * 60 * 60 * 1000);
  });

  it('says whether a day is closed by the clock', () => {
    expect(cutoffHasPassed(new Date('2025-06-30T09:59:59Z'), '2025-06-30', shanghai)).toBe(false);
    expect(cutoffHasPassed(new Date('2025-06-30T10:00:00Z'), '2025-06-30', shanghai)).toBe(true);
    expect(cutoffHasPassed(new Date('2025-06-30T10:00:00Z'), '2025-07-01', shanghai)).toBe(false);
  });
});
