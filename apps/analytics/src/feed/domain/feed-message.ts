import { CaseSummary, caseSummaryOf, IssueFacts } from '../../issues/domain/issue-facts';

/** The SSE `event:` names of the dispatch-centre feed. */
export const feedEventNames = ['dispatched', 'escalated', 'acknowledged', 'closed', 'overdue'] as const;
export type FeedEventName = (typeof feedEventNames)[number];

/** The issue event types that become a feed message, and the name each gets. */
const feedNameOfType: Record<string, FeedEventName> = {
  'gridline.issue.dispatched': 'dispatched',
  'gridline.issue.escalated': 'escalated',
  'gridline.issue.acknowledged': 'acknowledged',
  'gridline.issue.closed': 'closed',
};

/**
 * One message of the feed. No personal data: the public issue stream carries none, and the message says only
 * which case, where it is, its clock and flags. `id` is the CloudEvent id (an overdue notice, which no event
 * announces, has `overdue:<issueId>:<deadline>`), so a reconnecting client names the last one it saw.
 */
export interface FeedMessage extends CaseSummary {
  readonly id: string;
  readonly event: FeedEventName;
  /** For an escalation: ack-timeout, resolve-timeout or manual. */
  readonly reason: string | null;
  /** When it happened (ISO). */
  readonly at: string;
}

function messageOf(id: string, event: FeedEventName, facts: IssueFacts, at: Date, reason: string | null): FeedMessage {
  return { id, event, ...caseSummaryOf(facts), reason, at: at.toISOString() };
}

/** The feed message for an issue event already folded into `facts`, or null when the feed does not carry its type. */
export function feedMessageOf(
  event: { id: string; type: string; time: string; data: unknown },
  facts: IssueFacts,
): FeedMessage | null {
  const name = feedNameOfType[event.type];
  if (!name) return null;
  const reason = name === 'escalated' ? ((event.data as { reason?: string }).reason ?? null) : null;
  return messageOf(event.id, name, facts, new Date(event.time), reason);
}

/** The notice that a case's deadline passed with nobody acting on it. */
export function overdueMessageOf(facts: IssueFacts, deadline: Date): FeedMessage {
  return messageOf(`overdue:${facts.issueId}:${deadline.toISOString()}`, 'overdue', facts, deadline, null);
}

/**
 * When to check whether a case became overdue: at its deadline at the city centre, where nothing above will take
 * it; `graceSeconds` later below it, because there the missed deadline escalates within a second and the
 * escalation message already says so. Null when the case has no running clock.
 */
export function overdueCheckAt(
  facts: Pick<IssueFacts, 'currentDeadline' | 'currentLevel'>,
  graceSeconds: number,
): Date | null {
  if (facts.currentDeadline === null) return null;
  const grace = facts.currentLevel === 'city' ? 0 : graceSeconds * 1000;
  return new Date(facts.currentDeadline.getTime() + grace);
}

/** Who a feed connection serves: one district, or (null) every district for a city role. */
export function feedServes(tenantId: string | null, message: Pick<FeedMessage, 'tenantId'>): boolean {
  return tenantId === null || message.tenantId === tenantId;
}

/**
 * What a client reconnecting with `Last-Event-ID` missed: the buffered messages after that id. An id no longer
 * (or never) in the buffer means the gap is larger than the buffer: everything buffered is sent, and the client,
 * which may see some messages twice, keeps the last of each id.
 */
export function messagesAfter(buffer: readonly FeedMessage[], lastEventId: string): FeedMessage[] {
  const index = buffer.findIndex((message) => message.id === lastEventId);
  return index < 0 ? [...buffer] : buffer.slice(index + 1);
}

/** One message in the text/event-stream format: `id:`, `event:`, one `data:` line of JSON, a blank line. */
export function serverSentEvent(message: FeedMessage): string {
  return `id: ${message.id}\nevent: ${message.event}\ndata: ${JSON.stringify(message)}\n\n`;
}
