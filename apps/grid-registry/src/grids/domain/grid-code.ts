import type { GridLevel } from '@gridline/contracts';

/**
 * Digits each level appends to its parent's code; a street appends to the district's 6-digit administrative
 * division code. So 410103 001 002 03 004 reads: district 410103 (二七区), street 1, community 2, level-3 grid 3,
 * micro-grid 4. The widths differ per level, so children of different levels under one community (level-3
 * grids and micro-grids placed directly under it) can never share a code.
 */
export const codeDigitsByLevel: Readonly<Record<GridLevel, number>> = {
  street: 3,
  community: 3,
  grid: 2,
  micro: 3,
};

/** How many grids of `level` one parent can hold before its code space is used up (999, or 99 level-3 grids). */
export function maxSiblings(level: GridLevel): number {
  return 10 ** codeDigitsByLevel[level] - 1;
}

/**
 * The code of a new grid of `level` under `baseCode` (the parent's code, or the division code for a street),
 * given how many grids of that level the parent already holds; `null` when the parent's code space is full.
 */
export function nextGridCode(baseCode: string, level: GridLevel, existingSiblings: number): string | null {
  if (!Number.isInteger(existingSiblings) || existingSiblings < 0) {
    throw new RangeError(`existingSiblings must be a non-negative integer, got ${existingSiblings}`);
  }
  const sequence = existingSiblings + 1;
  if (sequence > maxSiblings(level)) return null;
  return `${baseCode}${String(sequence).padStart(codeDigitsByLevel[level], '0')}`;
}
