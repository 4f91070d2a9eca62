import { holderLevels, HolderLevel } from '@gridline/contracts';
import { CaseSummary, caseSummaryOf, IssueFacts, isOverdue } from '../../issues/domain/issue-facts';

/** One open case on the escalation board. */
export interface BoardItem extends CaseSummary {
  readonly level: HolderLevel;
  readonly parked: boolean;
  readonly overdue: boolean;
  /** Seconds since the report (or the dispatch, when the report was never seen). */
  readonly ageSeconds: number | null;
  /** Seconds the current holder has had the case. */
  readonly atLevelSeconds: number | null;
  readonly reportedAt: string | null;
  /** The holder grid's name from the grid replica; null for a dispatch centre or a grid the replica does not know. */
  readonly gridName: string | null;
  /** The grid the case was first dispatched to (the smallest, responsible one), and its name. */
  readonly originGridId: string | null;
  readonly originGridName: string | null;
}

/** Names of the grids a board item mentions, as the grid replica has them now. */
export interface BoardPlaceNames {
  readonly gridName: string | null;
  readonly originGridName: string | null;
}

const noNames: BoardPlaceNames = { gridName: null, originGridName: null };

export interface LevelCount {
  readonly level: HolderLevel;
  readonly open: number;
  readonly overdue: number;
  readonly critical: number;
  readonly parked: number;
}

type BoardFacts = Pick<
  IssueFacts,
  | 'tenantId'
  | 'issueId'
  | 'category'
  | 'state'
  | 'currentLevel'
  | 'currentGridId'
  | 'originGridId'
  | 'escalationDepth'
  | 'critical'
  | 'parked'
  | 'currentDeadline'
  | 'reportedAt'
  | 'dispatchedAt'
  | 'holderSince'
>;

const secondsSince = (since: Date | null, now: Date): number | null =>
  since === null ? null : Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));

export function boardItemOf(
  facts: BoardFacts & { currentLevel: HolderLevel },
  now: Date,
  names: BoardPlaceNames = noNames,
): BoardItem {
  const since = facts.reportedAt ?? facts.dispatchedAt;
  return {
    ...caseSummaryOf(facts),
    level: facts.currentLevel,
    parked: facts.parked,
    overdue: isOverdue(facts, now),
    ageSeconds: secondsSince(since, now),
    atLevelSeconds: secondsSince(facts.holderSince, now),
    reportedAt: since?.toISOString() ?? null,
    // A centre holds the case without a grid: whatever the replica says, it has no grid name.
    gridName: facts.currentGridId === null ? null : names.gridName,
    originGridId: facts.originGridId,
    originGridName: facts.originGridId === null ? null : names.originGridName,
  };
}

/** Every holder level, micro-grid first, zero when empty, so the board keeps its shape. */
export function levelCountsOf(rows: readonly LevelCount[]): LevelCount[] {
  const byLevel = new Map(rows.map((row) => [row.level, row]));
  return holderLevels.map((level) => byLevel.get(level) ?? { level, open: 0, overdue: 0, critical: 0, parked: 0 });
}
