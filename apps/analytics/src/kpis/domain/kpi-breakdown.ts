import { addDays, CalendarDate, localDateAt } from '@gridline/calendar';
import { Kpis, kpisOf } from './case-loop-kpis';

/** What the cohort can be broken down by (ADR 0019, console additions). */
export const kpiBreakdowns = ['day', 'category', 'street', 'community'] as const;
export type KpiBreakdown = (typeof kpiBreakdowns)[number];

/** The zone the `day` breakdown reads calendar days in: the city's. */
export const KPI_TIME_ZONE = 'Asia/Shanghai';

export interface KpiPart {
  /** The day (YYYY-MM-DD), category code or grid id; null for the cases with no known key. */
  readonly key: string | null;
  /** The grid's name for a street or community; null otherwise. */
  readonly name: string | null;
  readonly kpis: Kpis;
}

export interface DepthBar {
  readonly depth: number;
  readonly cases: number;
}

const noCases = kpisOf({ cases: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0, rated: 0, ratingSum: 0 });

/**
 * The local calendar days a period `[from, to)` touches, first to last: the day of `from` to the day of the last
 * instant before `to`. An empty period has none.
 */
export function localDaysOf(from: Date, to: Date, timeZone = KPI_TIME_ZONE): CalendarDate[] {
  if (to.getTime() <= from.getTime()) return [];
  const last = localDateAt(new Date(to.getTime() - 1), timeZone);
  const days: CalendarDate[] = [];
  for (let day = localDateAt(from, timeZone); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The rows of a breakdown from the parts the query found. Days: every day of the period in order, an empty one
 * with no cases and no rates. Otherwise: parts with cases, most cases first, then by key; the cases without a
 * key (no category seen, no origin grid, or an origin outside any street/community) in one row with key null, last.
 */
export function breakdownRowsOf(by: KpiBreakdown, parts: readonly KpiPart[], days: readonly CalendarDate[]): KpiPart[] {
  if (by === 'day') {
    const byDay = new Map(parts.map((part) => [part.key, part]));
    return days.map((day) => byDay.get(day) ?? { key: day, name: null, kpis: noCases });
  }
  const counted = parts.filter((part) => part.kpis.cases > 0);
  const keyed = counted.filter((part): part is KpiPart & { key: string } => part.key !== null);
  keyed.sort((a, b) => b.kpis.cases - a.kpis.cases || a.key.localeCompare(b.key));
  return [...keyed, ...counted.filter((part) => part.key === null)];
}

/** Cases per escalation depth, every depth from 0 to the greatest, so a chart's bars line up. */
export function depthHistogramOf(bars: readonly DepthBar[]): DepthBar[] {
  const counted = bars.filter((bar) => bar.cases > 0);
  if (counted.length === 0) return [];
  const byDepth = new Map(counted.map((bar) => [bar.depth, bar.cases]));
  const deepest = Math.max(...counted.map((bar) => bar.depth));
  return Array.from({ length: deepest + 1 }, (_, depth) => ({ depth, cases: byDepth.get(depth) ?? 0 }));
}
