import type { HolderLevel } from '@gridline/contracts';

export type IssueFactState = 'reported' | 'dispatched' | 'acknowledged';

/** What analytics knows about one issue, folded from its public events. */
export interface IssueFacts {
  readonly tenantId: string;
  readonly issueId: string;
  readonly category: string | null;
  readonly channel: string | null;
  readonly originGridId: string | null;
  readonly originLevel: HolderLevel | null;
  /** Who holds the issue now (or held it when it was acknowledged). */
  readonly currentLevel: HolderLevel | null;
  readonly currentGridId: string | null;
  readonly escalationDepth: number;
  readonly critical: boolean;
  readonly state: IssueFactState;
  readonly reportedAt: Date | null;
  readonly dispatchedAt: Date | null;
  readonly acknowledgedAt: Date | null;
}

/** The public issue events, reduced to what the projection needs. */
export type IssueFactEvent =
  /** `gridId` null: the report waits in the dispatch centre's queue (gridline.issue.queued). */
  | { readonly kind: 'reported'; readonly category: string; readonly channel: string; readonly gridId: string | null; readonly reportedAt: Date }
  | { readonly kind: 'dispatched'; readonly category: string; readonly gridId: string; readonly level: HolderLevel; readonly at: Date }
  | {
      readonly kind: 'escalated';
      readonly category: string;
      readonly fromGridId: string | null;
      readonly fromLevel: HolderLevel;
      readonly toGridId: string | null;
      readonly toLevel: HolderLevel;
      readonly depth: number;
      readonly critical: boolean;
    }
  | { readonly kind: 'acknowledged'; readonly gridId: string | null; readonly level: HolderLevel; readonly acknowledgedAt: Date };

const stateRank: Record<IssueFactState, number> = { reported: 0, dispatched: 1, acknowledged: 2 };

function atLeast(current: IssueFactState, floor: IssueFactState): IssueFactState {
  return stateRank[current] >= stateRank[floor] ? current : floor;
}

export function emptyIssueFacts(tenantId: string, issueId: string): IssueFacts {
  return {
    tenantId,
    issueId,
    category: null,
    channel: null,
    originGridId: null,
    originLevel: null,
    currentLevel: null,
    currentGridId: null,
    escalationDepth: 0,
    critical: false,
    state: 'reported',
    reportedAt: null,
    dispatchedAt: null,
    acknowledgedAt: null,
  };
}

/**
 * Folds one event into an issue's facts. Safe to apply twice and tolerant of gaps: the state only moves forward,
 * the depth only grows (an older escalation never moves the holder back), and first-seen timestamps stick. An
 * issue may be first seen by any of its events (e.g. dispatched, if the report fell out of retention).
 */
export function applyIssueEvent(facts: IssueFacts, event: IssueFactEvent): IssueFacts {
  switch (event.kind) {
    case 'reported':
      return {
        ...facts,
        category: facts.category ?? event.category,
        channel: facts.channel ?? event.channel,
        originGridId: facts.originGridId ?? event.gridId,
        reportedAt: facts.reportedAt ?? event.reportedAt,
      };
    case 'dispatched': {
      const stillAtOrigin = facts.escalationDepth === 0 && facts.state !== 'acknowledged';
      return {
        ...facts,
        category: facts.category ?? event.category,
        originGridId: event.gridId,
        originLevel: event.level,
        currentLevel: stillAtOrigin ? event.level : facts.currentLevel,
        currentGridId: stillAtOrigin ? event.gridId : facts.currentGridId,
        state: atLeast(facts.state, 'dispatched'),
        dispatchedAt: facts.dispatchedAt ?? event.at,
      };
    }
    case 'escalated': {
      const newer = event.depth > facts.escalationDepth && facts.state !== 'acknowledged';
      const firstStep = event.depth === 1 && facts.originLevel === null;
      return {
        ...facts,
        category: facts.category ?? event.category,
        originGridId: firstStep ? event.fromGridId : facts.originGridId,
        originLevel: firstStep ? event.fromLevel : facts.originLevel,
        currentLevel: newer ? event.toLevel : facts.currentLevel,
        currentGridId: newer ? event.toGridId : facts.currentGridId,
        escalationDepth: Math.max(facts.escalationDepth, event.depth),
        critical: facts.critical || event.critical,
        state: atLeast(facts.state, 'dispatched'),
      };
    }
    case 'acknowledged':
      return {
        ...facts,
        currentLevel: event.level,
        currentGridId: event.gridId,
        state: 'acknowledged',
        acknowledgedAt: facts.acknowledgedAt ?? event.acknowledgedAt,
      };
  }
}
