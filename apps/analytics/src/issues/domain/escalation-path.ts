import type { HolderLevel } from '@gridline/contracts';
import type { IssueFacts } from './issue-facts';

export interface EscalationStepFacts {
  readonly depth: number;
  readonly fromLevel: HolderLevel;
  readonly fromGridId: string | null;
  readonly toLevel: HolderLevel;
  readonly toGridId: string | null;
  readonly at: Date;
}

export interface PathStop {
  readonly level: HolderLevel;
  readonly gridId: string | null;
  readonly at: string | null;
}

/**
 * Every holder an issue had, in order: the grid it was dispatched to, then one stop per escalation. When the
 * dispatch was never seen, the first escalation's from-holder stands in for it (its time unknown).
 */
export function escalationPath(facts: IssueFacts, steps: readonly EscalationStepFacts[]): PathStop[] {
  const ordered = [...steps].sort((a, b) => a.depth - b.depth);
  const path: PathStop[] = [];
  if (facts.originLevel !== null) {
    const since = facts.dispatchedAt ?? facts.reportedAt;
    path.push({ level: facts.originLevel, gridId: facts.originGridId, at: since?.toISOString() ?? null });
  } else if (ordered.length > 0) {
    path.push({ level: ordered[0].fromLevel, gridId: ordered[0].fromGridId, at: null });
  }
  for (const step of ordered) path.push({ level: step.toLevel, gridId: step.toGridId, at: step.at.toISOString() });
  return path;
}
