import { addDays, dateInMonth, daysBetween, daysInMonth, isCalendarDate, isoWeekday } from './calendar-date';

describe('calendar dates', () => {
  it('accepts only days that exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-04-31')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('20250101')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
  });

  it('steps over month, year and leap-day boundaries', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2025-03-10', '2025-03-09')).toBe(-1);
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
  });
});

describe('weekdays and month lengths', () => {
  it('names the ISO weekday of a date, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2025-11-29')).toBe(6); // a Saturday
    expect(isoWeekday('2025-11-30')).toBe(7);
    expect(isoWeekday('2025-12-01')).toBe(1);
    expect(isoWeekday('2024-02-29')).toBe(4);
  });

  it('knows leap Februaries and 30-day months', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
    expect([daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual([30, 31]);
    expect(dateInMonth(2025, 2, 29)).toBeNull();
    expect(dateInMonth(2024, 2, 29)).toBe('2024-02-29');
    expect(dateInMonth(2025, 4, 31)).toBeNull();
    expect(dateInMonth(2025, 1, 9)).toBe('2025-01-09');
  });
});
