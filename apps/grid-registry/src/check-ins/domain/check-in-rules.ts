import { CalendarDate } from '@gridline/calendar';

/** Why a check-in is refused; each code is a stable API error code. */
export type CheckInRefusal =
  | { readonly code: 'MATTERS_REQUIRED' | 'MATTERS_NOT_ALLOWED'; readonly field: 'matters'; readonly reason: string }
  | {
      readonly code: 'CHECK_IN_DATE_NOT_TODAY' | 'CHECK_IN_AFTER_CUTOFF';
      readonly field: 'date';
      readonly reason: string;
    };

export interface Matter {
  readonly category: string | null;
  readonly description: string;
}

/** 零上报 means "report even when there is nothing": either nothing to report, or at least one matter — not both. */
export function checkMatters(nothingToReport: boolean, matters: readonly unknown[] | undefined): CheckInRefusal | null {
  const count = matters?.length ?? 0;
  if (nothingToReport && matters !== undefined && count > 0) {
    return {
      code: 'MATTERS_NOT_ALLOWED',
      field: 'matters',
      reason: 'a check-in with nothingToReport=true lists no matters',
    };
  }
  if (!nothingToReport && count === 0) {
    return {
      code: 'MATTERS_REQUIRED',
      field: 'matters',
      reason: 'with nothingToReport=false, list at least one matter seen',
    };
  }
  return null;
}

export interface CheckInDateContext {
  /** The date the check-in is for (defaults to `today`). */
  readonly date: CalendarDate;
  /** Today in the district's zero-report time zone. */
  readonly today: CalendarDate;
  /** Whether today's check-ins are closed: by the clock under the district's policy, or because the cut-off already ran. */
  readonly closed: boolean;
}

/**
 * A grid checks in for today only: not ahead, not back-dated (yesterday's missed report is already out), and not
 * once today's cut-off has passed.
 */
export function checkCheckInDate({ date, today, closed }: CheckInDateContext): CheckInRefusal | null {
  if (date !== today) {
    return {
      code: 'CHECK_IN_DATE_NOT_TODAY',
      field: 'date',
      reason: `check-ins are for today (${today} in the district's time zone), not ${date}`,
    };
  }
  if (closed) {
    return {
      code: 'CHECK_IN_AFTER_CUTOFF',
      field: 'date',
      reason: `today's cut-off has passed: the check-ins of ${today} are closed and missed reports are recorded`,
    };
  }
  return null;
}

export interface CheckInContent {
  readonly nothingToReport: boolean;
  readonly matters: readonly Matter[];
  readonly reportedBy: { readonly memberId: string | null; readonly name: string | null };
}

/**
 * Whether a second check-in for the same grid and day repeats the first exactly (a retried request): then it
 * is answered with the first one instead of a conflict.
 */
export function sameCheckIn(a: CheckInContent, b: CheckInContent): boolean {
  const canonical = (c: CheckInContent) =>
    JSON.stringify([
      c.nothingToReport,
      c.matters.map((m) => [m.category, m.description]),
      c.reportedBy.memberId,
      c.reportedBy.name,
    ]);
  return canonical(a) === canonical(b);
}
