import { localWeekTimeAt, shiftsOnDutyAt } from './on-duty';

const day = { memberId: 'day', weekday: 1, from: '08:00', to: '18:00' };
const lateMonday = { memberId: 'night', weekday: 1, from: '22:00', to: '24:00' };
const earlyTuesday = { memberId: 'night', weekday: 2, from: '00:00', to: '06:00' };
const sunday = { memberId: 'weekend', weekday: 7, from: '09:00', to: '12:00' };
const roster = [day, lateMonday, earlyTuesday, sunday];

describe('who is on duty', () => {
  it('reads the instant in the district zone: 2025-06-30 is a Monday, and 00:30Z is 08:30 in Shanghai', () => {
    expect(localWeekTimeAt(new Date('2025-06-30T00:30:00Z'), 'Asia/Shanghai')).toEqual({ weekday: 1, time: '08:30' });
    expect(localWeekTimeAt(new Date('2025-06-29T16:00:00Z'), 'Asia/Shanghai')).toEqual({ weekday: 1, time: '00:00' });
    expect(localWeekTimeAt(new Date('2025-06-29T15:59:59Z'), 'Asia/Shanghai')).toEqual({ weekday: 7, time: '23:59' });
  });

  it('finds the shift running at an instant, start inclusive and end exclusive', () => {
    expect(shiftsOnDutyAt(roster, new Date('2025-06-30T08:00:00+08:00'), 'Asia/Shanghai').shifts).toEqual([day]);
    expect(shiftsOnDutyAt(roster, new Date('2025-06-30T17:59:59+08:00'), 'Asia/Shanghai').shifts).toEqual([day]);
    expect(shiftsOnDutyAt(roster, new Date('2025-06-30T18:00:00+08:00'), 'Asia/Shanghai').shifts).toEqual([]);
    expect(shiftsOnDutyAt(roster, new Date('2025-06-30T07:59:00+08:00'), 'Asia/Shanghai').shifts).toEqual([]);
  });

  it('covers a night across midnight given as two shifts split at 24:00', () => {
    expect(shiftsOnDutyAt(roster, new Date('2025-06-30T23:30:00+08:00'), 'Asia/Shanghai').shifts).toEqual([lateMonday]);
    expect(shiftsOnDutyAt(roster, new Date('2025-07-01T00:00:00+08:00'), 'Asia/Shanghai')).toEqual({
      at: { weekday: 2, time: '00:00' },
      shifts: [earlyTuesday],
    });
    expect(shiftsOnDutyAt(roster, new Date('2025-07-01T05:59:00+08:00'), 'Asia/Shanghai').shifts).toEqual([
      earlyTuesday,
    ]);
    expect(shiftsOnDutyAt(roster, new Date('2025-07-01T06:00:00+08:00'), 'Asia/Shanghai').shifts).toEqual([]);
  });

  it('maps Sunday to weekday 7, and honours another zone with DST', () => {
    expect(shiftsOnDutyAt(roster, new Date('2025-07-06T10:00:00+08:00'), 'Asia/Shanghai').shifts).toEqual([sunday]);
    // Berlin is UTC+2 in summer, UTC+1 in winter: 07:00Z is 09:00 local in July and 08:00 local in January.
    expect(localWeekTimeAt(new Date('2025-07-07T07:00:00Z'), 'Europe/Berlin')).toEqual({ weekday: 1, time: '09:00' });
    expect(localWeekTimeAt(new Date('2025-01-06T07:00:00Z'), 'Europe/Berlin')).toEqual({ weekday: 1, time: '08:00' });
  });
});
