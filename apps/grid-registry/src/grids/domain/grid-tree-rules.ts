import type { GridLevel } from '@gridline/contracts';

/**
 * Which level may sit under which, as the Erqi districts run it: streets (街道) at the top, communities (社区)
 * under a street, level-3 grids (三级网格) under a community, and micro-grids (微网格, one courtyard or
 * building) under a level-3 grid or directly under a community — never straight under a street.
 */
export const allowedParentLevels: Readonly<Record<GridLevel, readonly GridLevel[]>> = {
  street: [],
  community: ['street'],
  grid: ['community'],
  micro: ['grid', 'community'],
};

export type PlacementVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const allowed: PlacementVerdict = { allowed: true };

function oneOf(levels: readonly GridLevel[]): string {
  return levels.map((level) => `'${level}'`).join(' or ');
}

/**
 * Whether a grid of `level` may be placed under a parent of `parentLevel` (`null`: no parent). A refusal names
 * both levels and where the grid belongs instead.
 */
export function checkPlacement(level: GridLevel, parentLevel: GridLevel | null): PlacementVerdict {
  const parents = allowedParentLevels[level];
  if (parents.length === 0) {
    return parentLevel === null
      ? allowed
      : { allowed: false, reason: `a '${level}' is the top of the tree and cannot be placed under a '${parentLevel}'` };
  }
  if (parentLevel === null) {
    return { allowed: false, reason: `a '${level}' needs a parent: it belongs under a ${oneOf(parents)}` };
  }
  if (!parents.includes(parentLevel)) {
    return {
      allowed: false,
      reason: `a '${level}' cannot be placed under a '${parentLevel}': it belongs under a ${oneOf(parents)}`,
    };
  }
  return allowed;
}
