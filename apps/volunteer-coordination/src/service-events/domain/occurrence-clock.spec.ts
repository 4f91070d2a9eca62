import { SeededRandom } from '@gridline/testing';
import {
  attendedMinutes,
  checkInRefusal,
  checkOutRefusal,
  hasStarted,
  hoursOf,
  plannedReminders,
} from './occurrence-clock';

const MIN = 60_000;
const clinic = { startsAt: new Date('2025-12-09T00:30:00Z'), endsAt: new Date('2025-12-09T03:30:00Z') }; // 08:30-11:30 Shanghai
const at = (offsetMinutes: number) => new Date(clinic.startsAt.getTime() + offsetMinutes * MIN);

describe('the clock around an occurrence', () => {
  it('closes sign-up at the start, not a minute later', () => {
    expect(hasStarted(clinic, at(-1))).toBe(false);
    expect(hasStarted(clinic, at(0))).toBe(true);
    expect(hasStarted(clinic, at(30))).toBe(true);
  });

  it('opens the door an hour early and closes it at the end', () => {
    expect(checkInRefusal(clinic, at(-61))).toMatch(/one hour before/);
    expect(checkInRefusal(clinic, at(-60))).toBeNull();
    expect(checkInRefusal(clinic, at(180))).toBeNull();
    expect(checkInRefusal(clinic, at(181))).toMatch(/ended/);
    expect(checkOutRefusal(clinic, at(10), at(5))).toMatch(/precede/);
    expect(checkOutRefusal(clinic, at(10), at(180 + 6 * 60))).toBeNull();
    expect(checkOutRefusal(clinic, at(10), at(180 + 6 * 60 + 1))).toMatch(/six hours/);
  });

  it('counts only the minutes inside the event hours', () => {
    expect(attendedMinutes(clinic, at(-45), at(200))).toBe(180);
    expect(attendedMinutes(clinic, at(15), at(105))).toBe(90);
    expect(attendedMinutes(clinic, at(-45), at(-5))).toBe(0);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(1)).toBe(0.02);
    expect(hoursOf(180)).toBe(3);
  });

  it('never counts more than the event lasts nor less than nothing, for random presences (seeded)', () => {
    const random = new SeededRandom(3);
    for (let run = 0; run < 1000; run += 1) {
      const checkIn = at(random.integer(400) - 120);
      const checkOut = new Date(checkIn.getTime() + random.integer(600) * MIN);
      const minutes = attendedMinutes(clinic, checkIn, checkOut);
      expect(minutes).toBeGreaterThanOrEqual(0);
      expect(minutes).toBeLessThanOrEqual(180);
      expect(minutes).toBeLessThanOrEqual(Math.floor((checkOut.getTime() - checkIn.getTime()) / MIN));
    }
  });

  it('plans one reminder per lead time, earliest first, dropping those already past', () => {
    expect(plannedReminders(clinic, [120, 1440], at(-2000))).toEqual([
      { leadMinutes: 1440, dueAt: at(-1440) },
      { leadMinutes: 120, dueAt: at(-120) },
    ]);
    expect(plannedReminders(clinic, [1440, 120, 120], at(-500))).toEqual([{ leadMinutes: 120, dueAt: at(-120) }]);
    expect(plannedReminders(clinic, [1440, 120], at(-60))).toEqual([]);
  });
});
