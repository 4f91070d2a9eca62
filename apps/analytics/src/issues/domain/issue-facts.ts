import type { HolderLevel } from '@gridline/contracts';

/** The case states of issue-dispatch (ADR 0012), as far as the public events tell them. */
export const issueFactStates = [
  'reported',
  'accepted',
  'rejected',
  'dispatched',
  'acknowledged',
  'in-progress',
  'resolved',
  'verified',
  'closed',
] as const;
export type IssueFactState = (typeof issueFactStates)[number];

/** A case in one of these states is finished: it is on no board and has no clock. */
export const endedStates: readonly IssueFactState[] = ['rejected', 'closed'];

/** What analytics knows about one issue, folded from its public events. */
export interface IssueFacts {
  readonly tenantId: string;
  readonly issueId: string;
  readonly category: string | null;
  readonly channel: string | null;
  /** The grid of the first dispatch (or the first escalation's from-grid when the dispatch was never seen). */
  readonly originGridId: string | null;
  readonly originLevel: HolderLevel | null;
  /** Who holds the case now; a dispatch centre (`district`, `city`) has no grid id. */
  readonly currentLevel: HolderLevel | null;
  readonly currentGridId: string | null;
  /** When the current holder got the case. */
  readonly holderSince: Date | null;
  readonly escalationDepth: number;
  readonly critical: boolean;
  readonly state: IssueFactState;
  readonly parked: boolean;
  /** The running clocks (null when stopped or paused). */
  readonly ackDeadline: Date | null;
  readonly resolveDeadline: Date | null;
  /** The deadline the case is watched against now (see `currentDeadlineOf`), stored so the board can sort by it. */
  readonly currentDeadline: Date | null;
  readonly reworkCount: number;
  readonly extensionCount: number;
  readonly rating: number | null;
  readonly reportedAt: Date | null;
  readonly dispatchedAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly closedAt: Date | null;
  /** Resolved before the resolve deadline in force (按期结案); null until closed. */
  readonly closedOnTime: boolean | null;
  /** The time of the newest event that moved the case; an older one arriving later only fills blanks. */
  readonly lastEventAt: Date | null;
}

type Holder = { readonly gridId: string | null; readonly level: HolderLevel };

/** The public issue events, reduced to what the projection needs; `at` is the event's own time. */
export type IssueFactEvent = { readonly at: Date } &
  /** `gridId` null: the report waits in the dispatch centre's queue (gridline.issue.queued). */
  (
    | {
        readonly kind: 'reported';
        readonly category: string;
        readonly channel: string;
        readonly gridId: string | null;
        readonly reportedAt: Date;
      }
    | { readonly kind: 'accepted'; readonly category: string }
    | { readonly kind: 'rejected' }
    | {
        readonly kind: 'dispatched';
        readonly category: string;
        readonly gridId: string;
        readonly level: HolderLevel;
        readonly ackDeadline: Date;
      }
    | {
        readonly kind: 'escalated';
        readonly category: string;
        readonly fromGridId: string | null;
        readonly fromLevel: HolderLevel;
        readonly toGridId: string | null;
        readonly toLevel: HolderLevel;
        readonly depth: number;
        readonly critical: boolean;
        readonly ackDeadline: Date | null;
        readonly resolveDeadline: Date | null;
      }
    | ({ readonly kind: 'acknowledged'; readonly acknowledgedAt: Date; readonly resolveDeadline: Date | null } & Holder)
    | ({ readonly kind: 'work-started' } & Holder)
    | ({ readonly kind: 'resolved' } & Holder)
    | { readonly kind: 'verified' }
    | ({ readonly kind: 'reopened'; readonly reworkCount: number; readonly resolveDeadline: Date } & Holder)
    | {
        readonly kind: 'closed';
        readonly category: string;
        readonly reworkCount: number;
        readonly extensionCount: number;
        readonly onTime: boolean;
        readonly closedAt: Date;
      }
    | { readonly kind: 'rated'; readonly rating: number }
    | ({ readonly kind: 'extension-approved'; readonly resolveDeadline: Date } & Holder)
    | { readonly kind: 'returned'; readonly fromGridId: string; readonly fromLevel: HolderLevel }
    | ({ readonly kind: 'parked' } & Holder)
    | ({ readonly kind: 'unparked'; readonly ackDeadline: Date | null; readonly resolveDeadline: Date | null } & Holder)
  );

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
    holderSince: null,
    escalationDepth: 0,
    critical: false,
    state: 'reported',
    parked: false,
    ackDeadline: null,
    resolveDeadline: null,
    currentDeadline: null,
    reworkCount: 0,
    extensionCount: 0,
    rating: null,
    reportedAt: null,
    dispatchedAt: null,
    acknowledgedAt: null,
    closedAt: null,
    closedOnTime: null,
    lastEventAt: null,
  };
}

/**
 * The deadline a case is watched against now: the acknowledgement deadline while a holder has to take it
 * (`dispatched`; after a resolve-timeout escalation the earlier of the two clocks), the resolve deadline while it
 * is being handled. None while parked, queued at the centre, waiting for verification or closing, or ended.
 */
export function currentDeadlineOf(
  facts: Pick<IssueFacts, 'state' | 'parked' | 'ackDeadline' | 'resolveDeadline'>,
): Date | null {
  if (facts.parked) return null;
  if (facts.state === 'dispatched') {
    const clocks = [facts.ackDeadline, facts.resolveDeadline].filter((d): d is Date => d !== null);
    return clocks.length === 0 ? null : new Date(Math.min(...clocks.map((d) => d.getTime())));
  }
  if (facts.state === 'acknowledged' || facts.state === 'in-progress') return facts.resolveDeadline;
  return null;
}

/** Which case, where it is and how it stands: what the board and the feed both show of a case. */
export interface CaseSummary {
  readonly tenantId: string;
  readonly issueId: string;
  readonly category: string | null;
  readonly state: IssueFactState;
  readonly level: HolderLevel | null;
  readonly gridId: string | null;
  readonly depth: number;
  readonly critical: boolean;
  /** The current deadline (ISO), or null when no clock runs. */
  readonly deadline: string | null;
}

export function caseSummaryOf(
  facts: Pick<
    IssueFacts,
    | 'tenantId'
    | 'issueId'
    | 'category'
    | 'state'
    | 'currentLevel'
    | 'currentGridId'
    | 'escalationDepth'
    | 'critical'
    | 'currentDeadline'
  >,
): CaseSummary {
  return {
    tenantId: facts.tenantId,
    issueId: facts.issueId,
    category: facts.category,
    state: facts.state,
    level: facts.currentLevel,
    gridId: facts.currentGridId,
    depth: facts.escalationDepth,
    critical: facts.critical,
    deadline: facts.currentDeadline?.toISOString() ?? null,
  };
}

/** Open: not closed and not rejected. */
export function isOpen(facts: Pick<IssueFacts, 'state'>): boolean {
  return !endedStates.includes(facts.state);
}

/**
 * Overdue: the case's current deadline has passed and it is still open. Below the city centre a missed deadline
 * escalates within a second, so a case is overdue there only while the escalation is on its way (or issue-dispatch
 * is down); at the city centre nothing is above, and the case stays overdue until someone acts (ADR 0019).
 */
export function isOverdue(facts: Pick<IssueFacts, 'currentDeadline' | 'state'>, now: Date): boolean {
  return isOpen(facts) && facts.currentDeadline !== null && facts.currentDeadline.getTime() <= now.getTime();
}

/**
 * Folds one event into an issue's facts. Safe to apply twice and tolerant of gaps and of an event arriving after
 * a newer one (e.g. a replay): each event *sets* what it says, counters come from the payload or change only with
 * the deadline they move, and an event older than the newest one applied only fills in what is still unknown
 * (first-seen timestamps, category, origin). An issue may be first seen by any of its events.
 */
export function applyIssueEvent(facts: IssueFacts, event: IssueFactEvent): IssueFacts {
  const filled = fillBlanks(facts, event);
  const stale = facts.lastEventAt !== null && event.at.getTime() < facts.lastEventAt.getTime();
  const moved = stale ? filled : advance(filled, event);
  const next = { ...moved, lastEventAt: stale ? facts.lastEventAt : event.at };
  return { ...next, currentDeadline: currentDeadlineOf(next) };
}

/** What any event may add whatever its age: facts that are set once and never change. */
function fillBlanks(facts: IssueFacts, event: IssueFactEvent): IssueFacts {
  const category = 'category' in event ? event.category : null;
  const base = { ...facts, category: facts.category ?? category };
  switch (event.kind) {
    case 'reported':
      return {
        ...base,
        channel: facts.channel ?? event.channel,
        originGridId: facts.originGridId ?? event.gridId,
        reportedAt: facts.reportedAt ?? event.reportedAt,
      };
    case 'dispatched': {
      // The first dispatch is the origin; a re-dispatch after a return does not change it.
      const first = facts.dispatchedAt === null;
      return {
        ...base,
        originGridId: first ? event.gridId : facts.originGridId,
        originLevel: first ? event.level : facts.originLevel,
        dispatchedAt: facts.dispatchedAt ?? event.at,
      };
    }
    case 'escalated': {
      const firstStep = event.depth === 1 && facts.originLevel === null;
      return {
        ...base,
        originGridId: firstStep ? event.fromGridId : base.originGridId,
        originLevel: firstStep ? event.fromLevel : base.originLevel,
        escalationDepth: Math.max(facts.escalationDepth, event.depth),
      };
    }
    case 'acknowledged':
      return { ...base, acknowledgedAt: facts.acknowledgedAt ?? event.acknowledgedAt };
    case 'reopened':
      return { ...base, reworkCount: Math.max(facts.reworkCount, event.reworkCount) };
    case 'closed':
      return {
        ...base,
        reworkCount: Math.max(facts.reworkCount, event.reworkCount),
        extensionCount: Math.max(facts.extensionCount, event.extensionCount),
        closedAt: facts.closedAt ?? event.closedAt,
        closedOnTime: facts.closedOnTime ?? event.onTime,
      };
    case 'rated':
      return { ...base, rating: facts.rating ?? event.rating };
    default:
      return base;
  }
}

const noClocks = { ackDeadline: null, resolveDeadline: null } as const;

/** What the newest event says about the case now: state, holder, clocks, flags. */
function advance(facts: IssueFacts, event: IssueFactEvent): IssueFacts {
  const holderOf = (holder: Holder, since: Date = event.at) =>
    holder.level === facts.currentLevel && holder.gridId === facts.currentGridId && facts.holderSince !== null
      ? { currentLevel: holder.level, currentGridId: holder.gridId, holderSince: facts.holderSince }
      : { currentLevel: holder.level, currentGridId: holder.gridId, holderSince: since };
  switch (event.kind) {
    case 'reported':
      // A queued report waits at the district centre; a routed one is dispatched in the same transaction.
      return facts.currentLevel === null && event.gridId === null
        ? { ...facts, ...holderOf({ level: 'district', gridId: null }) }
        : facts;
    case 'accepted':
      return facts.state === 'reported' ? { ...facts, state: 'accepted' } : facts;
    case 'rejected':
      return { ...facts, state: 'rejected', ...noClocks, parked: false };
    case 'dispatched':
      return {
        ...facts,
        ...holderOf({ level: event.level, gridId: event.gridId }),
        state: 'dispatched',
        ackDeadline: event.ackDeadline,
        resolveDeadline: null,
        critical: false,
        parked: false,
      };
    case 'escalated':
      // The depth only grows: a replayed older escalation never moves the holder back.
      if (event.depth < facts.escalationDepth) return facts;
      return {
        ...facts,
        ...holderOf({ level: event.toLevel, gridId: event.toGridId }),
        state: 'dispatched',
        ackDeadline: event.ackDeadline,
        resolveDeadline: event.resolveDeadline,
        critical: facts.critical || event.critical,
        parked: false,
      };
    case 'acknowledged':
      return {
        ...facts,
        ...holderOf(event),
        state: 'acknowledged',
        ackDeadline: null,
        resolveDeadline: event.resolveDeadline ?? facts.resolveDeadline,
      };
    case 'work-started':
      return { ...facts, ...holderOf(event), state: 'in-progress' };
    case 'resolved':
      return { ...facts, ...holderOf(event), state: 'resolved', ...noClocks };
    case 'verified':
      return { ...facts, state: 'verified', ...noClocks };
    case 'reopened':
      return {
        ...facts,
        ...holderOf(event),
        state: 'in-progress',
        ackDeadline: null,
        resolveDeadline: event.resolveDeadline,
      };
    case 'closed':
      return { ...facts, state: 'closed', ...noClocks, parked: false };
    case 'rated':
      return facts;
    case 'extension-approved': {
      // Counted once per moved deadline, so the same approval applied twice counts once.
      const moves = facts.resolveDeadline?.getTime() !== event.resolveDeadline.getTime();
      return {
        ...facts,
        resolveDeadline: event.resolveDeadline,
        extensionCount: facts.extensionCount + (moves ? 1 : 0),
      };
    }
    case 'returned':
      return {
        ...facts,
        ...holderOf({ level: 'district', gridId: null }),
        state: 'accepted',
        ...noClocks,
        critical: false,
      };
    case 'parked':
      return { ...facts, ...holderOf(event), parked: true, ...noClocks };
    case 'unparked':
      return {
        ...facts,
        ...holderOf(event),
        parked: false,
        ackDeadline: event.ackDeadline,
        resolveDeadline: event.resolveDeadline,
      };
  }
}
