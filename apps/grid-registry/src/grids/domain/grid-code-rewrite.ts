import type { GridLevel } from '@gridline/contracts';
import { codeDigitsByLevel, maxSiblings } from './grid-code';

/**
 * The code for a grid of `level` arriving under `baseCode` (its parent's code, or the division code for a street)
 * when `issuedCodes` are codes ever handed out in the district that start with `baseCode` (current and historical).
 * Numbering continues after the highest sequence ever issued there, so a code is never handed out twice — an old
 * code in history keeps meaning one grid. `null` when the sequence space is used up.
 *
 * Only codes exactly one level-width longer than `baseCode` count: other lengths belong to other levels or to
 * deeper descendants (widths differ per level, see grid-code.ts).
 */
export function nextUnusedGridCode(baseCode: string, level: GridLevel, issuedCodes: readonly string[]): string | null {
  const width = codeDigitsByLevel[level];
  let highest = 0;
  for (const code of issuedCodes) {
    if (code.length !== baseCode.length + width || !code.startsWith(baseCode)) continue;
    const sequence = Number(code.slice(baseCode.length));
    if (Number.isInteger(sequence) && sequence > highest) highest = sequence;
  }
  const next = highest + 1;
  if (next > maxSiblings(level)) return null;
  return `${baseCode}${String(next).padStart(width, '0')}`;
}

export interface Recode {
  readonly gridId: string;
  readonly from: string;
  readonly to: string;
}

/**
 * New codes for the descendants of a grid whose code changes from `fromCode` to `toCode`: each keeps its own
 * suffix below the moved grid, so the code still encodes its (new) ancestors. A descendant whose code does not
 * start with `fromCode` means the tree and its codes disagree: that is a bug, not input, so it throws.
 */
export function rewriteDescendantCodes(
  fromCode: string,
  toCode: string,
  descendants: ReadonlyArray<{ gridId: string; code: string }>,
): Recode[] {
  return descendants.map(({ gridId, code }) => {
    if (!code.startsWith(fromCode) || code.length <= fromCode.length) {
      throw new Error(`grid ${gridId} has code ${code}, which does not extend its ancestor's code ${fromCode}`);
    }
    return { gridId, from: code, to: `${toCode}${code.slice(fromCode.length)}` };
  });
}
