import { holderLevels } from '@gridline/contracts';

/** Issues with no holder yet (reported, dispatch not seen) and issues whose category was never seen. */
export const UNASSIGNED_LEVEL = 'unassigned';
export const UNKNOWN_CATEGORY = 'unknown';

/** One cell of the level × category grid, as the database counts it. */
export interface IssueCountCell {
  readonly level: string;
  readonly category: string;
  readonly count: number;
  readonly acknowledged: number;
  readonly escalated: number;
}

export interface IssueCounts {
  readonly byLevel: Array<{ level: string; count: number }>;
  readonly byCategory: Array<{ category: string; count: number }>;
  readonly byLevelAndCategory: Array<{ level: string; category: string; count: number }>;
  readonly total: number;
  readonly acknowledged: number;
  readonly escalated: number;
}

const ladder: readonly string[] = [...holderLevels, UNASSIGNED_LEVEL];
const levelOrder = (level: string): number => (ladder.includes(level) ? ladder.indexOf(level) : ladder.length);

/**
 * Rolls the level × category cells up into the views a dashboard wants. Every holder level appears in `byLevel`
 * (zero when empty) in ladder order, micro-grid first, so charts keep their shape; `unassigned` only when present.
 */
export function summariseIssueCounts(cells: readonly IssueCountCell[]): IssueCounts {
  const perLevel = new Map<string, number>(holderLevels.map((level) => [level, 0]));
  const perCategory = new Map<string, number>();
  let total = 0;
  let acknowledged = 0;
  let escalated = 0;
  for (const cell of cells) {
    perLevel.set(cell.level, (perLevel.get(cell.level) ?? 0) + cell.count);
    perCategory.set(cell.category, (perCategory.get(cell.category) ?? 0) + cell.count);
    total += cell.count;
    acknowledged += cell.acknowledged;
    escalated += cell.escalated;
  }
  return {
    byLevel: [...perLevel]
      .map(([level, count]) => ({ level, count }))
      .sort((a, b) => levelOrder(a.level) - levelOrder(b.level)),
    byCategory: [...perCategory]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => a.category.localeCompare(b.category)),
    byLevelAndCategory: cells
      .filter((cell) => cell.count > 0)
      .map(({ level, category, count }) => ({ level, category, count }))
      .sort((a, b) => levelOrder(a.level) - levelOrder(b.level) || a.category.localeCompare(b.category)),
    total,
    acknowledged,
    escalated,
  };
}
