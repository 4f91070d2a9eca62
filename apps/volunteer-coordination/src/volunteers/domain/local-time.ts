import { addDays, instantOfLocalTime, isoWeekday, localDateAt } from '@gridline/calendar';

/**
 * Where an instant falls on a district's wall clock: local date, ISO weekday and minute of the day. Uses the
 * runtime's time-zone data (Intl), so a district in another zone needs no code change.
 */
export interface LocalMoment {
  /** YYYY-MM-DD */
  readonly date: string;
  /** 1 = Monday … 7 = Sunday */
  readonly weekday: number;
  /** 0-1439 */
  readonly minute: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function localMoment(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalMoment {
  const part: Record<string, string> = {};
  for (const p of formatIn(timeZone).formatToParts(instant)) part[p.type] = p.value;
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    weekday: weekdays[part.weekday],
    minute: Number(part.hour) * 60 + Number(part.minute),
  };
}

/** `HH:mm` (00:00-24:00) → minutes since midnight; null when malformed. */
export function minutesOfDay(time: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/**
 * The start of the ISO week (Monday 00:00 local) holding `instant`, and the start of the next one — found on the
 * calendar, not by subtracting minutes, so a week with a daylight-saving change (America/New_York in March) still
 * starts at its own Monday midnight.
 */
export function localWeekBounds(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): { start: Date; end: Date } {
  const today = localDateAt(instant, timeZone);
  const monday = addDays(today, 1 - isoWeekday(today));
  return { start: localDayStart(monday, timeZone), end: localDayStart(addDays(monday, 7), timeZone) };
}

/** The instant a local date (YYYY-MM-DD) begins: 00:00 on the district's wall clock. */
export function localDayStart(date: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return instantOfLocalTime(date, '00:00', timeZone);
}
