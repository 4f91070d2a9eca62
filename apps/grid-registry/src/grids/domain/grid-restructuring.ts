import type { GridLevel } from '@gridline/contracts';

/**
 * The rules of merging and splitting grids, free of storage: which grids may merge, and whether a split plan
 * hands every child grid, place and address of the split grid to exactly one part (no orphans, no doubles).
 */

export interface RestructuredGrid {
  readonly id: string;
  readonly name: string;
  readonly level: GridLevel;
  readonly parentId: string | null;
  readonly dedicated: string | null;
  readonly status: 'active' | 'retired';
}

export type MergeRefusalCode =
  'GRID_RETIRED' | 'MERGE_INTO_ITSELF' | 'MERGE_ACROSS_LEVELS' | 'MERGE_ACROSS_PARENTS' | 'MERGE_ACROSS_KINDS';

export type MergeVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly code: MergeRefusalCode; readonly reason: string };

/** Grids merge only with active siblings of the same level and the same kind (plain, or the same dedicated kind). */
export function checkMerge(survivor: RestructuredGrid, absorbed: readonly RestructuredGrid[]): MergeVerdict {
  if (survivor.status === 'retired')
    return refuse('GRID_RETIRED', `grid ${survivor.name} is retired and cannot absorb others`);
  for (const grid of absorbed) {
    if (grid.id === survivor.id) return refuse('MERGE_INTO_ITSELF', `grid ${grid.name} cannot be merged into itself`);
    if (grid.status === 'retired') return refuse('GRID_RETIRED', `grid ${grid.name} is retired and cannot be merged`);
    if (grid.level !== survivor.level)
      return refuse(
        'MERGE_ACROSS_LEVELS',
        `grid ${grid.name} is a '${grid.level}' grid, ${survivor.name} a '${survivor.level}' one: only grids of one level merge`,
      );
    if (grid.parentId !== survivor.parentId)
      return refuse(
        'MERGE_ACROSS_PARENTS',
        `grid ${grid.name} has another parent than ${survivor.name}: move it first, then merge`,
      );
    if (grid.dedicated !== survivor.dedicated) {
      return refuse(
        'MERGE_ACROSS_KINDS',
        `grid ${grid.name} is ${kindOf(grid)}, ${survivor.name} is ${kindOf(survivor)}: only grids of one kind merge`,
      );
    }
  }
  return { allowed: true };
}

export interface SplitHoldings {
  /** Active child grids of the grid being split. */
  readonly childIds: readonly string[];
  /** Its places that stand on their own (courtyards, free-standing buildings); places inside them follow. */
  readonly topPlaceIds: readonly string[];
  readonly addresses: readonly string[];
  readonly hasBoundary: boolean;
}

export interface SplitPart {
  readonly name: string;
  readonly childIds: readonly string[];
  readonly placeIds: readonly string[];
  readonly addresses: readonly string[];
  readonly hasBoundary: boolean;
}

export interface SplitProblem {
  readonly field: string;
  readonly reason: string;
}

/** Every problem of a split plan (empty when it is sound), each naming the field of the request to fix. */
export function checkSplitPlan(holdings: SplitHoldings, parts: readonly SplitPart[]): SplitProblem[] {
  const problems: SplitProblem[] = [];
  const names = new Map<string, number>();
  parts.forEach((part, index) => {
    const first = names.get(part.name);
    if (first !== undefined)
      problems.push({
        field: `parts[${index}].name`,
        reason: `the name ${part.name} is already used by parts[${first}]`,
      });
    else names.set(part.name, index);
    if (holdings.hasBoundary && !part.hasBoundary) {
      problems.push({
        field: `parts[${index}].boundary`,
        reason:
          'the grid being split has a boundary, so every part needs its own (or its area would route to the parent)',
      });
    }
  });
  problems.push(...assignOnce(holdings.childIds, parts, 'childIds', (part) => part.childIds, 'child grid'));
  problems.push(...assignOnce(holdings.topPlaceIds, parts, 'placeIds', (part) => part.placeIds, 'place'));
  problems.push(...assignOnce(holdings.addresses, parts, 'addresses', (part) => part.addresses, 'address'));
  return problems;
}

/** Each held item must go to exactly one part, and a part may only take what the split grid holds. */
function assignOnce(
  held: readonly string[],
  parts: readonly SplitPart[],
  field: string,
  taken: (part: SplitPart) => readonly string[],
  noun: string,
): SplitProblem[] {
  const problems: SplitProblem[] = [];
  const holds = new Set(held);
  const owner = new Map<string, number>();
  parts.forEach((part, index) => {
    for (const item of taken(part)) {
      if (!holds.has(item)) {
        problems.push({
          field: `parts[${index}].${field}`,
          reason: `${item} is not a ${noun} of the grid being split`,
        });
        continue;
      }
      const previous = owner.get(item);
      if (previous !== undefined && previous !== index)
        problems.push({
          field: `parts[${index}].${field}`,
          reason: `${noun} ${item} is already given to parts[${previous}]`,
        });
      else owner.set(item, index);
    }
  });
  const orphans = held.filter((item) => !owner.has(item));
  if (orphans.length > 0) {
    problems.push({
      field: `parts[].${field}`,
      reason: `no part takes ${orphans.length === 1 ? `${noun} ${orphans[0]}` : `${orphans.length} ${noun}s (${orphans.slice(0, 5).join(', ')}${orphans.length > 5 ? ', …' : ''})`}: give each to one part`,
    });
  }
  return problems;
}

function refuse(code: MergeRefusalCode, reason: string): MergeVerdict {
  return { allowed: false, code, reason };
}

function kindOf(grid: RestructuredGrid): string {
  return grid.dedicated === null ? 'a plain grid' : `a dedicated ${grid.dedicated} grid`;
}
