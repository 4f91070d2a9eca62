import type { GridLevel } from '@gridline/contracts';
import { checkPlacement } from './grid-tree-rules';

export type MoveVerdict =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly code: 'MOVE_WOULD_CREATE_CYCLE' | 'WRONG_LEVEL_UNDER_PARENT';
      readonly reason: string;
    };

export interface MovingGrid {
  readonly gridId: string;
  readonly level: GridLevel;
}

export interface NewParent {
  readonly gridId: string;
  readonly level: GridLevel;
  /** The new parent's id, then its ancestors' up to the street (as the tree stands now). */
  readonly lineage: readonly string[];
}

/**
 * May `grid` move under `parent`? Not under itself or anything below it (the grid would become its own ancestor:
 * exactly when it appears in the new parent's lineage), and only where a grid of its level may be created.
 * The cycle is checked first: moving a community under its own level-3 grid is a cycle before it is a level error.
 */
export function checkMove(grid: MovingGrid, parent: NewParent): MoveVerdict {
  if (parent.gridId === grid.gridId || parent.lineage.includes(grid.gridId)) {
    return {
      allowed: false,
      code: 'MOVE_WOULD_CREATE_CYCLE',
      reason:
        parent.gridId === grid.gridId
          ? 'a grid cannot be moved under itself'
          : 'a grid cannot be moved under one of its own descendants',
    };
  }
  const placement = checkPlacement(grid.level, parent.level);
  return placement.allowed ? placement : { allowed: false, code: 'WRONG_LEVEL_UNDER_PARENT', reason: placement.reason };
}
