import type { GridLevel, HolderLevel } from '@gridline/contracts';

/** A holder of an issue: a grid, or a dispatch centre (no grid id) above the streets. */
export interface Holder {
  readonly level: HolderLevel;
  readonly gridId: string | null;
}

/** The part of the grid tree escalation needs: a grid's parent, as the replica knows it. */
export interface GridAncestry {
  readonly gridId: string;
  readonly level: GridLevel;
  readonly parentId: string | null;
}

/**
 * Where an unacknowledged issue goes next: the parent grid, above the street (or a grid with no parent) the
 * district dispatch centre, then the city centre. At the city centre there is nowhere higher: `null`.
 */
export function nextHolder(
  current: Holder,
  currentGrid: GridAncestry | null,
  parentGrid: GridAncestry | null,
): Holder | null {
  switch (current.level) {
    case 'city':
      return null;
    case 'district':
      return { level: 'city', gridId: null };
    default:
      if (currentGrid?.parentId && parentGrid) return { level: parentGrid.level, gridId: parentGrid.gridId };
      return { level: 'district', gridId: null };
  }
}
