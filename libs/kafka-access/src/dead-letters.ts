import { IHeaders, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import {
  allSubscriptions,
  deadLetterResolutionsTopicOf,
  deadLetterTopicOf,
  DistrictStreams,
  replayTopicOf,
} from '@gridline/contracts';
import { KafkaConnection } from '@gridline/platform/config/kafka-connection';
import { kafkaClientConfig } from '@gridline/messaging/kafka/kafka-client-config';
import { DEAD_LETTER_OPERATOR } from './dead-letter-operator-acls';

/** One dead letter as the tool shows it. Its id is where it sits in the group's dead-letter topic. */
export interface DeadLetter {
  readonly id: string;
  readonly failedAt: string | null;
  readonly reason: string;
  readonly detail: string;
  readonly originalTopic: string | null;
  readonly originalPartition: string | null;
  readonly originalOffset: string | null;
  readonly type: string | null;
  readonly tenant: string | null;
  readonly eventId: string | null;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Resolution {
  readonly action: 'replayed' | 'discarded';
  readonly at: string;
  readonly by: string;
}

export class DeadLetterToolError extends Error {}

/** `<partition>:<offset>` of the record in the dead-letter topic: stable, and unique within one group. */
export function deadLetterId(partition: number, offset: string): string {
  return `${partition}:${offset}`;
}

export function parseDeadLetterId(id: string): { partition: number; offset: string } {
  const match = /^(\d{1,4}):(\d{1,19})$/.exec(id);
  if (!match)
    throw new DeadLetterToolError(
      `--id ${JSON.stringify(id)} is not a dead letter id (<partition>:<offset>, as \`list\` prints it)`,
    );
  return { partition: Number(match[1]), offset: match[2] };
}

/** The group must be one of the catalogue's; the district-stream copier's dead letters lack a district, so replaying cannot help them. */
export function checkGroup(group: string | undefined, forReplay: boolean): string {
  if (!group)
    throw new DeadLetterToolError(
      '--group is required (a consumer group of the catalogue, e.g. issue-dispatch.grid-replica)',
    );
  if (!allSubscriptions.some((subscription) => subscription.group === group)) {
    throw new DeadLetterToolError(
      `--group ${group} is not a consumer group of the catalogue: ${allSubscriptions.map((s) => s.group).join(', ')}`,
    );
  }
  if (forReplay && group === DistrictStreams.group) {
    throw new DeadLetterToolError(
      `${group} copies events without a district to its dead letters; a replay would fail the same way — discard them`,
    );
  }
  return group;
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) text[name] = value.toString();
  }
  return text;
}

export function deadLetterOf(
  partition: number,
  message: Pick<KafkaMessage, 'offset' | 'key' | 'value' | 'headers'>,
): DeadLetter {
  const headers = textHeaders(message.headers);
  return {
    id: deadLetterId(partition, message.offset),
    failedAt: headers.dlq_failed_at ?? null,
    reason: headers.dlq_reason ?? 'unknown',
    detail: headers.dlq_detail ?? '',
    originalTopic: headers.dlq_original_topic ?? null,
    originalPartition: headers.dlq_original_partition ?? null,
    originalOffset: headers.dlq_original_offset ?? null,
    type: headers.ce_type ?? null,
    tenant: headers.ce_tenantid ?? null,
    eventId: headers.ce_id ?? null,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? null,
    headers,
  };
}

/**
 * The record that puts a dead letter back in front of its group: the event exactly as it was first delivered (key,
 * value, CloudEvents headers), the dead-letter bookkeeping removed, the topic it came from kept so the consumer
 * applies that topic's rules, and which dead letter it replays.
 */
export function replayRecordOf(deadLetter: DeadLetter): {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
} {
  if (!deadLetter.originalTopic)
    throw new DeadLetterToolError(
      `dead letter ${deadLetter.id} does not say which topic it came from; it cannot be replayed`,
    );
  const headers = Object.fromEntries(
    Object.entries(deadLetter.headers).filter(([name]) => !name.startsWith('dlq_') && name !== 'gridline_replay_of'),
  );
  return {
    key: deadLetter.key,
    value: deadLetter.value,
    headers: { ...headers, dlq_original_topic: deadLetter.originalTopic, gridline_replay_of: deadLetter.id },
  };
}

/** Latest resolution per dead letter id; a tombstone (null value) makes a dead letter unresolved again. */
export function foldResolutions(
  records: ReadonlyArray<{ key: string | null; value: string | null }>,
): Map<string, Resolution> {
  const resolutions = new Map<string, Resolution>();
  for (const { key, value } of records) {
    if (key === null) continue;
    if (value === null) resolutions.delete(key);
    else resolutions.set(key, JSON.parse(value) as Resolution);
  }
  return resolutions;
}

/** Reading and writing one group's dead letters as the dead-letter operator, for a deployment's topic prefix. */
export class DeadLetterStore {
  private readonly kafka: Kafka;

  constructor(
    connection: KafkaConnection,
    private readonly prefix: string,
    private readonly group: string,
  ) {
    this.kafka = new Kafka({
      clientId: DEAD_LETTER_OPERATOR,
      ...kafkaClientConfig(connection),
      logLevel: logLevel.NOTHING,
      retry: { retries: 5 },
    });
  }

  async deadLetters(): Promise<DeadLetter[]> {
    return (await this.readAll(deadLetterTopicOf(this.group))).map(({ partition, message }) =>
      deadLetterOf(partition, message),
    );
  }

  async resolutions(): Promise<Map<string, Resolution>> {
    const records = await this.readAll(deadLetterResolutionsTopicOf(this.group));
    return foldResolutions(
      records.map(({ message }) => ({
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
      })),
    );
  }

  /** The replay first, then its resolution: a crash between the two lists it again, and a second replay is a duplicate the inbox drops. */
  async replay(deadLetter: DeadLetter, by: string): Promise<void> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({
        topic: this.physical(replayTopicOf(this.group)),
        acks: -1,
        messages: [replayRecordOf(deadLetter)],
      });
      await this.resolveWith(producer, deadLetter.id, { action: 'replayed', at: new Date().toISOString(), by });
    } finally {
      await producer.disconnect();
    }
  }

  async discard(deadLetter: DeadLetter, by: string): Promise<void> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await this.resolveWith(producer, deadLetter.id, { action: 'discarded', at: new Date().toISOString(), by });
    } finally {
      await producer.disconnect();
    }
  }

  private async resolveWith(
    producer: ReturnType<Kafka['producer']>,
    id: string,
    resolution: Resolution,
  ): Promise<void> {
    await producer.send({
      topic: this.physical(deadLetterResolutionsTopicOf(this.group)),
      acks: -1,
      messages: [{ key: id, value: JSON.stringify(resolution) }],
    });
  }

  private physical(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  /** Every record of a (small, one-partition) topic up to its end as of now, read without committing anything. */
  private async readAll(logical: string): Promise<Array<{ partition: number; message: KafkaMessage }>> {
    const topic = this.physical(logical);
    const admin = this.kafka.admin();
    await admin.connect();
    let ends: Array<{ partition: number; high: string; low: string }>;
    try {
      ends = await admin.fetchTopicOffsets(topic);
    } finally {
      await admin.disconnect();
    }
    const remaining = new Map(
      ends.filter((end) => BigInt(end.high) > BigInt(end.low)).map((end) => [end.partition, BigInt(end.high) - 1n]),
    );
    if (remaining.size === 0) return [];
    const records: Array<{ partition: number; message: KafkaMessage }> = [];
    const consumer = this.kafka.consumer({
      groupId: `${this.prefix}${DEAD_LETTER_OPERATOR}.${process.pid}-${Date.now()}`,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(
          () => reject(new DeadLetterToolError(`reading ${topic} did not reach its end within 60 s`)),
          60_000,
        );
        consumer
          .run({
            autoCommit: false,
            // By batch: a transactional writer's commit markers take offsets no message has, so the end is where
            // the batch says it is, not the offset of a message.
            eachBatch: async ({ batch }) => {
              const last = remaining.get(batch.partition);
              if (last === undefined) return;
              for (const message of batch.messages)
                if (BigInt(message.offset) <= last) records.push({ partition: batch.partition, message });
              if (BigInt(batch.lastOffset()) >= last) remaining.delete(batch.partition);
              if (remaining.size === 0) {
                clearTimeout(timeout);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return records;
  }
}
