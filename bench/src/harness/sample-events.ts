import { randomUUID } from 'node:crypto';
import { Message } from 'kafkajs';
import { EventData, eventSourceOf, IssueReported, toKafkaHeaders } from '@gridline/contracts';
import { EventContext } from '@gridline/messaging';

/** The tenant every benchmark event belongs to: Erqi district, as in the domain notes. */
export const BENCH_TENANT = 'erqi';

export type IssueReportedData = EventData<typeof IssueReported>;

const categories = ['fire-lane', 'parking', 'litter', 'street-light'] as const;
const channels = ['resident', 'patrol', 'visit'] as const;

/** A realistic catalogue payload: every figure pays for the same schema validation and JSON size a service would. */
export function issueReportedData(index: number): IssueReportedData {
  return {
    issueId: randomUUID(),
    tenantId: BENCH_TENANT,
    category: categories[index % categories.length],
    channel: channels[index % channels.length],
    gridId: `taoyuan-micro-${(index % 38) + 1}`,
    reportedAt: new Date().toISOString(),
  };
}

export function issueReportedBatch(count: number): IssueReportedData[] {
  return Array.from({ length: count }, (_, index) => issueReportedData(index));
}

export const benchEventContext = (): EventContext => EventContext.start(BENCH_TENANT);

/** An outbox row as Outbox.add would store it, built ahead of time so the raw baseline times only SQL. */
export interface RawOutboxRow {
  readonly eventId: string;
  readonly tenantId: string;
  readonly topic: string;
  readonly messageKey: string;
  readonly eventType: string;
  readonly headers: Record<string, string>;
  readonly payload: IssueReportedData;
}

export function rawOutboxRow(data: IssueReportedData, context: EventContext = benchEventContext()): RawOutboxRow {
  const eventId = randomUUID();
  const subject = IssueReported.subjectOf(data);
  return {
    eventId,
    tenantId: context.tenantId,
    topic: IssueReported.topic,
    messageKey: subject,
    eventType: IssueReported.type,
    headers: toKafkaHeaders({
      specversion: '1.0',
      id: eventId,
      // The topic's owner, as the bench service runs as issue-dispatch: consumers trust no other source on it.
      source: eventSourceOf('issue-dispatch'),
      type: IssueReported.type,
      time: new Date().toISOString(),
      subject,
      datacontenttype: 'application/json',
      tenantid: context.tenantId,
      correlationid: context.correlationId,
      causationid: context.causationId,
    }),
    payload: data,
  };
}

/** The Kafka message the relay makes of an outbox row (binary-mode CloudEvent, key = subject). */
export function kafkaMessageOf(row: Pick<RawOutboxRow, 'messageKey' | 'headers' | 'payload'>): Message {
  return { key: row.messageKey, value: JSON.stringify(row.payload), headers: row.headers };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
