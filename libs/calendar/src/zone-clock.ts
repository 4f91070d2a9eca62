import { CalendarDate } from './calendar-date';

/**
 * Wall-clock time in an IANA time zone, computed with the runtime's Intl time-zone data (no library, no fixed
 * offsets): which local date an instant falls on, and which instant a local date and time name — DST-safe.
 * Asia/Shanghai has had no DST since 1991, but a district's zone is configuration, so nothing here assumes it.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local wall time at `epochMs`, as if it were a UTC timestamp (milliseconds dropped). */
function wallClockMs(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

/** The zone's offset from UTC at an instant, in milliseconds (Shanghai: +8 h). */
export function utcOffsetMs(instant: Date, timeZone: string): number {
  const epochMs = Math.floor(instant.getTime() / 1000) * 1000;
  return wallClockMs(epochMs, timeZone) - epochMs;
}

/**
 * The canonical IANA name of a time zone the runtime knows ("asia/shanghai" → "Asia/Shanghai"), or null.
 * Only region names are accepted: fixed offsets ("+08:00", "GMT+8") are not a district's time zone.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name) || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The local calendar date of an instant in a time zone. */
export function localDateAt(instant: Date, timeZone: string): CalendarDate {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant at which a local date and `HH:mm` occur in a time zone. Around DST changes it resolves like
 * Temporal's 'compatible' disambiguation: a time that occurs twice (clocks go back) is its first occurrence; a
 * time that never occurs (clocks go forward) is moved forward by the length of the gap (02:30 → 03:30).
 */
export function instantOfLocalTime(date: CalendarDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force a day either side bracket any transition near this wall time (zones change offset
  // at most once within two days), so the real instant uses one of them.
  const before = utcOffsetMs(new Date(wall - DAY_MS), timeZone);
  const after = utcOffsetMs(new Date(wall + DAY_MS), timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((candidate) => wallClockMs(candidate, timeZone) === wall)
    .sort((a, b) => a - b);
  return new Date(matches.length > 0 ? matches[0] : wall - before);
}
