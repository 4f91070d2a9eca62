import {
  CloudEvent,
  EventData,
  EventDefinition,
  IssueAccepted,
  IssueAcknowledged,
  IssueClosed,
  IssueDispatched,
  IssueEscalated,
  IssueExtensionApproved,
  IssueParked,
  IssueQueued,
  IssueRated,
  IssueRejected,
  IssueReopened,
  IssueReported,
  IssueResolved,
  IssueReturned,
  IssueUnparked,
  IssueVerified,
  IssueWorkStarted,
} from '@gridline/contracts';
import type { IssueFactEvent } from './domain/issue-facts';

type Change = IssueFactEvent extends infer E ? (E extends IssueFactEvent ? Omit<E, 'at'> : never) : never;
type Reader<D extends EventDefinition> = (data: EventData<D>, event: CloudEvent<EventData<D>>) => Change;

const date = (iso: string): Date => new Date(iso);
const dateOrNull = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

interface FoldedEvent {
  readonly definition: EventDefinition;
  readonly read: Reader<EventDefinition>;
}

function reader<D extends EventDefinition>(definition: D, read: Reader<D>): FoldedEvent {
  return { definition, read: read as unknown as Reader<EventDefinition> };
}

/**
 * How each public issue event reads as a change to the issue's facts. Extension requests and denials and
 * reassignments change nothing analytics keeps, so they are not read.
 */
const folded: readonly FoldedEvent[] = [
  reader(IssueReported, (d) => ({
    kind: 'reported',
    category: d.category,
    channel: d.channel,
    gridId: d.gridId,
    reportedAt: date(d.reportedAt),
  })),
  // A report no grid could take yet: counted as reported, waiting at the district centre.
  reader(IssueQueued, (d) => ({
    kind: 'reported',
    category: d.category,
    channel: d.channel,
    gridId: null,
    reportedAt: date(d.reportedAt),
  })),
  reader(IssueAccepted, (d) => ({ kind: 'accepted', category: d.category })),
  reader(IssueRejected, () => ({ kind: 'rejected' })),
  reader(IssueDispatched, (d) => ({
    kind: 'dispatched',
    category: d.category,
    gridId: d.gridId,
    level: d.level,
    ackDeadline: date(d.ackDeadline),
  })),
  reader(IssueEscalated, (d) => ({
    kind: 'escalated',
    category: d.category,
    fromGridId: d.fromGridId,
    fromLevel: d.fromLevel,
    toGridId: d.toGridId,
    toLevel: d.toLevel,
    depth: d.depth,
    critical: d.critical,
    ackDeadline: dateOrNull(d.ackDeadline),
    resolveDeadline: dateOrNull(d.resolveDeadline),
  })),
  reader(IssueAcknowledged, (d) => ({
    kind: 'acknowledged',
    gridId: d.gridId,
    level: d.level,
    acknowledgedAt: date(d.acknowledgedAt),
    resolveDeadline: dateOrNull(d.resolveDeadline),
  })),
  reader(IssueWorkStarted, (d) => ({ kind: 'work-started', gridId: d.gridId, level: d.level })),
  reader(IssueResolved, (d) => ({ kind: 'resolved', gridId: d.gridId, level: d.level })),
  reader(IssueVerified, () => ({ kind: 'verified' })),
  reader(IssueReopened, (d) => ({
    kind: 'reopened',
    gridId: d.gridId,
    level: d.level,
    reworkCount: d.reworkCount,
    resolveDeadline: date(d.resolveDeadline),
  })),
  reader(IssueClosed, (d) => ({
    kind: 'closed',
    category: d.category,
    reworkCount: d.reworkCount,
    extensionCount: d.extensionCount,
    onTime: d.onTime,
    closedAt: date(d.closedAt),
  })),
  reader(IssueRated, (d) => ({ kind: 'rated', rating: d.rating })),
  reader(IssueExtensionApproved, (d) => ({
    kind: 'extension-approved',
    gridId: d.gridId,
    level: d.level,
    resolveDeadline: date(d.resolveDeadline),
  })),
  reader(IssueReturned, (d) => ({ kind: 'returned', fromGridId: d.fromGridId, fromLevel: d.fromLevel })),
  reader(IssueParked, (d) => ({ kind: 'parked', gridId: d.gridId, level: d.level })),
  reader(IssueUnparked, (d) => ({
    kind: 'unparked',
    gridId: d.gridId,
    level: d.level,
    ackDeadline: dateOrNull(d.ackDeadline),
    resolveDeadline: dateOrNull(d.resolveDeadline),
  })),
];
const readers = new Map(folded.map(({ definition, read }) => [definition.type, read]));

/** The event types the issue projection folds. */
export const foldedIssueEvents: readonly EventDefinition[] = folded.map((f) => f.definition);

/** The event as a change to the facts, timed by the event's own time (when issue-dispatch recorded it); null if not folded. */
export function issueFactEventOf(event: CloudEvent): IssueFactEvent | null {
  const read = readers.get(event.type);
  return read ? ({ ...read(event.data as never, event as never), at: new Date(event.time) } as IssueFactEvent) : null;
}
