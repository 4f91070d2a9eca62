import { isCalendarDate } from './calendar-date';

/**
 * ISO 8601 instants as the APIs take them: `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:mm[:ss[.fraction]]`
 * with `Z` or an offset (or none: the server's time, as before). Every field must name something that
 * exists — 2026-13-01, 2026-02-30, 24:30 and an offset beyond ±14:00 do not — so a value that passes always
 * becomes a valid Date and never an Invalid Date deep in a query.
 */
const pattern = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

export function parseInstant(value: string): Date | null {
  const match = pattern.exec(value);
  if (!match || !isCalendarDate(match[1])) return null;
  const [hour, minute, second, offsetHours, offsetMinutes] = [match[2], match[3], match[4], match[6], match[7]].map(
    (part) => Number(part ?? 0),
  );
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return null;
  const parsed = new Date(
    match[2] === undefined ? `${match[1]}T00:00:00Z` : value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
  );
  return Number.isFinite(parsed.getTime()) ? parsed : null;
}

/** The one wording of the one period rule, wherever a route takes `from` and `to` (or `start_date`, `end_date`). */
export function periodOutOfOrder(fromField: string, toField: string): string {
  return `${fromField} must not be after ${toField}`;
}
