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
}

export interface LevelCount {
  readonly level: HolderLevel;
  readonly open: number;
  readonly overdue: number;
  readonly critical: number;
  readonly parked: number;
}

type BoardFacts = Pick<
  IssueFacts,
  'tenantId' | 'issueId' | 'category' | 'state' | 'currentLevel' | 'currentGridId' | 'escalationDepth' | 'critical' | 'parked' | 'currentDeadline' | 'reportedAt' | 'dispatchedAt' | 'holderSince'
>;

const secondsSince = (since: Date | null, now: Date): number | null => (since === null ? null : Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000)));

export function boardItemOf(facts: BoardFacts & { currentLevel: HolderLevel }, now: Date): BoardItem {
  const since = facts.reportedAt ?? facts.dispatchedAt;
  return {
    ...caseSummaryOf(facts),
    level: facts.currentLevel,
    parked: facts.parked,
    overdue: isOverdue(facts, now),
    ageSeconds: secondsSince(since, now),
    atLevelSeconds: secondsSince(facts.holderSince, now),
    reportedAt: since?.toISOString() ?? null,
  };
}

/** Every holder level, micro-grid first, zero when empty, so the board keeps its shape. */
export function levelCountsOf(rows: readonly LevelCount[]): LevelCount[] {
  const byLevel = new Map(rows.map((row) => [row.level, row]));
  return holderLevels.map((level) => byLevel.get(level) ?? { level, open: 0, overdue: 0, critical: 0, parked: 0 });
}
