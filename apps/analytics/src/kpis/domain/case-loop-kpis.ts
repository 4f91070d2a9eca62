import { periodOutOfOrder } from '@gridline/calendar';

/**
 * The evaluation numbers of digital urban management (数字城管) over a cohort: the cases reported in a period
 * (rejected reports are no case and are left out), followed to today (ADR 0019).
 */
export interface KpiCounts {
  /** Cases reported in the period, rejected ones excluded (应结案数). */
  readonly cases: number;
  /** Of those, closed (结案数). */
  readonly closed: number;
  /** Closed, and resolved before the resolve deadline in force (按期结案数). */
  readonly closedOnTime: number;
  /** Sent back at least once by a failed verification (返工). */
  readonly reworked: number;
  /** Granted at least one extension (延期). */
  readonly extended: number;
  /** Rated by their reporter, and the sum of those ratings (1–5). */
  readonly rated: number;
  readonly ratingSum: number;
}

/**
 * How fast and how high the cohort's cases went, as PostgreSQL measures them (medians cannot be added up from
 * parts, so every whole and part is measured by the same query): null when no case of the cohort has the figure.
 */
export interface KpiTimings {
  /** Median seconds from the report (or the dispatch, when the report was never seen) to the first acknowledgement. */
  readonly medianAckSeconds: number | null;
  /** Median seconds from the report (or dispatch) to closing, over the closed cases. */
  readonly medianCloseSeconds: number | null;
  /** Mean and greatest escalation depth (0: never escalated) over the cases. */
  readonly averageDepth: number | null;
  readonly maxDepth: number | null;
}

export const noTimings: KpiTimings = {
  medianAckSeconds: null,
  medianCloseSeconds: null,
  averageDepth: null,
  maxDepth: null,
};

export interface Kpis extends KpiCounts, KpiTimings {
  /** closed / cases (结案率). */
  readonly closureRate: number | null;
  /** closedOnTime / cases (按期结案率). */
  readonly onTimeClosureRate: number | null;
  /** reworked / cases (返工率). */
  readonly reworkRate: number | null;
  /** extended / cases (延期率). */
  readonly extensionRate: number | null;
  /** Mean of the ratings given, null when none. */
  readonly averageRating: number | null;
}

/** A share rounded to four places; null for an empty cohort, which has no rate rather than a rate of 0. */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

const roundedTo = (places: number) => (value: number | null) =>
  value === null ? null : Math.round(value * 10 ** places) / 10 ** places;
const wholeSeconds = roundedTo(0);
const twoPlaces = roundedTo(2);

export function kpisOf(counts: KpiCounts, timings: KpiTimings = noTimings): Kpis {
  return {
    ...counts,
    closureRate: share(counts.closed, counts.cases),
    onTimeClosureRate: share(counts.closedOnTime, counts.cases),
    reworkRate: share(counts.reworked, counts.cases),
    extensionRate: share(counts.extended, counts.cases),
    averageRating: counts.rated === 0 ? null : Math.round((counts.ratingSum / counts.rated) * 100) / 100,
    medianAckSeconds: wholeSeconds(timings.medianAckSeconds),
    medianCloseSeconds: wholeSeconds(timings.medianCloseSeconds),
    averageDepth: twoPlaces(timings.averageDepth),
    maxDepth: timings.maxDepth,
  };
}

export const MAX_KPI_PERIOD_DAYS = 366;
export const DEFAULT_KPI_PERIOD_DAYS = 30;

export type KpiPeriod =
  | { readonly from: Date; readonly to: Date }
  | { readonly problem: { readonly field: 'from' | 'to'; readonly reason: string } };

/**
 * The period asked for, with defaults (`to` now, `from` 30 days before `to`); a period that ends before it starts
 * or spans more than a year is a problem naming the field.
 */
export function kpiPeriodOf(from: string | undefined, to: string | undefined, now: Date): KpiPeriod {
  const end = to ? new Date(to) : now;
  const start = from ? new Date(from) : new Date(end.getTime() - DEFAULT_KPI_PERIOD_DAYS * 86_400_000);
  if (start.getTime() > end.getTime()) return { problem: { field: 'from', reason: periodOutOfOrder('from', 'to') } };
  if (end.getTime() - start.getTime() > MAX_KPI_PERIOD_DAYS * 86_400_000)
    return { problem: { field: 'from', reason: `the period may span at most ${MAX_KPI_PERIOD_DAYS} days` } };
  return { from: start, to: end };
}
