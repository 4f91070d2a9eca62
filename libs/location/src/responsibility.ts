import type { GridLevel } from '@gridline/contracts';

/** 0 for a street, 3 for a micro-grid: deeper is more specific. */
export const levelDepth: Readonly<Record<GridLevel, number>> = { street: 0, community: 1, grid: 2, micro: 3 };

const AREA_TOLERANCE = 1e-6;

/** A grid whose boundary contains the point being resolved. */
export interface ResponsibilityCandidate {
  readonly gridId: string;
  readonly level: GridLevel;
  /** A dedicated grid (专属网格) of a school, hospital, market or company. */
  readonly dedicated: boolean;
  /** Covered area (any unit, the same for all candidates): the smaller grid is the more specific one. */
  readonly area: number;
  readonly code: string;
}

/**
 * Orders candidates from most to least responsible:
 * 1. a dedicated grid before any plain grid, at the same or any level (the school answers for its grounds even
 *    when its dedicated grid sits at community level and a micro-grid also covers the spot);
 * 2. then the deepest level (micro before level-3 before community before street);
 * 3. then the smaller area (two overlapping grids of one level: the tighter one); areas within a millionth of
 *    each other count as equal, so rounding in the area computation cannot decide;
 * 4. then the lower code, then the lower id, so the answer never depends on insertion order.
 */
export function compareResponsibility(a: ResponsibilityCandidate, b: ResponsibilityCandidate): number {
  if (a.dedicated !== b.dedicated) return a.dedicated ? -1 : 1;
  if (a.level !== b.level) return levelDepth[b.level] - levelDepth[a.level];
  if (Math.abs(a.area - b.area) > AREA_TOLERANCE * Math.max(a.area, b.area)) return a.area - b.area;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.gridId < b.gridId ? -1 : a.gridId > b.gridId ? 1 : 0;
}

/** The most responsible candidate, or null when there is none. */
export function mostResponsible<T extends ResponsibilityCandidate>(candidates: Iterable<T>): T | null {
  let best: T | null = null;
  for (const candidate of candidates) {
    if (best === null || compareResponsibility(candidate, best) < 0) best = candidate;
  }
  return best;
}
