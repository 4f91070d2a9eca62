import { ValidationFailedError } from '@gridline/platform';
import { KpiCounts, kpiPeriodOf, Kpis, kpisOf, KpiTimings } from './domain/case-loop-kpis';

/**
 * What every KPI query shares, so the district route, the city route and the breakdown cannot drift apart: the
 * period rule, the cohort's start, and the SQL that measures a cohort (or any grouping of it) in one pass.
 */

export type CohortPeriod = { readonly from: Date; readonly to: Date };

/** The period asked for (defaults, at most a year, `from` not after `to`), or 400 naming the field. */
export function cohortPeriodOf(query: { from?: string; to?: string }, now: Date): CohortPeriod {
  const period = kpiPeriodOf(query.from, query.to, now);
  if ('problem' in period) throw new ValidationFailedError([period.problem]);
  return period;
}

/** When a case joined its cohort: its report, or its dispatch when the report was never seen (the index expression). */
export const cohortStart = 'COALESCE(reported_at, dispatched_at)';

const seconds = (end: string) => `GREATEST(0, extract(epoch FROM ${end} - ${cohortStart}))::float8`;

/**
 * The select list measuring the rows in a group of `issue_facts` columns. Rejected reports are in the cohort's
 * rows but are no case, so every figure leaves them out. The medians are PostgreSQL's `percentile_cont`, in the
 * same pass as the counts.
 */
export const kpiNumberColumns = `
  (count(*) FILTER (WHERE state <> 'rejected'))::int AS cases,
  (count(*) FILTER (WHERE state = 'closed'))::int AS closed,
  (count(*) FILTER (WHERE state = 'closed' AND closed_on_time))::int AS "closedOnTime",
  (count(*) FILTER (WHERE state <> 'rejected' AND rework_count > 0))::int AS reworked,
  (count(*) FILTER (WHERE state <> 'rejected' AND extension_count > 0))::int AS extended,
  (count(rating) FILTER (WHERE state <> 'rejected'))::int AS rated,
  (COALESCE(sum(rating) FILTER (WHERE state <> 'rejected'), 0))::int AS "ratingSum",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds('acknowledged_at')}) FILTER (WHERE state <> 'rejected' AND acknowledged_at IS NOT NULL) AS "medianAckSeconds",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds('closed_at')}) FILTER (WHERE state = 'closed' AND closed_at IS NOT NULL) AS "medianCloseSeconds",
  (avg(escalation_depth) FILTER (WHERE state <> 'rejected'))::float8 AS "averageDepth",
  (max(escalation_depth) FILTER (WHERE state <> 'rejected'))::int AS "maxDepth"`;

export type KpiNumbersRow = KpiCounts & KpiTimings;

export function kpisOfRow(row: KpiNumbersRow): Kpis {
  const {
    cases,
    closed,
    closedOnTime,
    reworked,
    extended,
    rated,
    ratingSum,
    medianAckSeconds,
    medianCloseSeconds,
    averageDepth,
    maxDepth,
  } = row;
  return kpisOf(
    { cases, closed, closedOnTime, reworked, extended, rated, ratingSum },
    { medianAckSeconds, medianCloseSeconds, averageDepth, maxDepth },
  );
}
