import { Admin, Message, PartitionMetadata, Partitioners, ProducerBatch, RecordMetadata } from 'kafkajs';

/** Messages of one topic, each naming the partition it goes to. */
export interface PartitionedTopicMessages {
  readonly topic: string;
  readonly messages: ReadonlyArray<Message & { readonly partition: number }>;
}

/** Kafka answered a batch without acknowledging some partitions it named: their messages were not written. */
export class PartitionsNotAcknowledgedError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`Kafka acknowledged the batch but not ${missing.join(', ')}; nothing of it counts as published`);
    this.name = 'PartitionsNotAcknowledgedError';
  }
}

const partitionKey = (topic: string, partition: number) => `${topic}[${partition}]`;

/**
 * Sends a batch in which every message names its partition, and fails unless Kafka acknowledged every partition
 * the batch names (ADR 0035). kafkajs 2.2.4 can resolve `sendBatch` without having sent a partition's messages:
 * when a broker dies mid-send, its retry skips every broker that already answered — including the one that has just
 * become that partition's leader. A caller that took the resolved promise as "published" lost those messages.
 */
export async function sendAcknowledged(
  send: (batch: ProducerBatch) => Promise<RecordMetadata[]>,
  topicMessages: readonly PartitionedTopicMessages[],
): Promise<RecordMetadata[]> {
  const acknowledged = await send({
    acks: -1,
    topicMessages: topicMessages.map(({ topic, messages }) => ({ topic, messages: [...messages] })),
  });
  const written = new Set(
    acknowledged
      .filter((record) => record.errorCode === 0)
      .map((record) => partitionKey(record.topicName, record.partition)),
  );
  const named = new Set(
    topicMessages.flatMap(({ topic, messages }) => messages.map((message) => partitionKey(topic, message.partition))),
  );
  const missing = [...named].filter((partition) => !written.has(partition));
  if (missing.length > 0) throw new PartitionsNotAcknowledgedError(missing);
  return acknowledged;
}

/** How long a topic's partition list is trusted before it is read again (partitions are only ever added). */
const PARTITIONS_MAX_AGE_MS = 60_000;

/**
 * Chooses the partition of each keyed message the way kafkajs's default partitioner would (murmur2 of the key over
 * the topic's partitions), before sending rather than inside the producer, so that `sendAcknowledged` knows which
 * partitions must answer. Partition lists come from the cluster's metadata, read at most once a minute per topic.
 */
export class KeyPartitioner {
  private readonly partitioner = Partitioners.DefaultPartitioner();
  private readonly known = new Map<string, { readonly partitions: PartitionMetadata[]; readonly readAt: number }>();

  constructor(private readonly admin: () => Promise<Admin>) {}

  async assign(
    topicMessages: ReadonlyArray<{ readonly topic: string; readonly messages: readonly Message[] }>,
  ): Promise<PartitionedTopicMessages[]> {
    const partitions = await this.partitionsOf(topicMessages.map(({ topic }) => topic));
    return topicMessages.map(({ topic, messages }) => ({
      topic,
      messages: messages.map((message) => {
        // Every event has a key (its subject); a message without one has no order to keep, so any partition will do.
        if (message.key === null || message.key === undefined) return { ...message, partition: 0 };
        return {
          ...message,
          partition: this.partitioner({ topic, partitionMetadata: partitions.get(topic)!, message }),
        };
      }),
    }));
  }

  private async partitionsOf(topics: readonly string[]): Promise<Map<string, PartitionMetadata[]>> {
    const now = Date.now();
    const stale = [...new Set(topics)].filter(
      (topic) => (this.known.get(topic)?.readAt ?? -Infinity) < now - PARTITIONS_MAX_AGE_MS,
    );
    if (stale.length > 0) {
      const { topics: metadata } = await (await this.admin()).fetchTopicMetadata({ topics: stale });
      for (const { name, partitions } of metadata) {
        if (partitions.length === 0) throw new Error(`topic ${name} has no partitions in the cluster's metadata`);
        this.known.set(name, {
          partitions: [...partitions].sort((a, b) => a.partitionId - b.partitionId),
          readAt: now,
        });
      }
    }
    return new Map(topics.map((topic) => [topic, this.known.get(topic)!.partitions]));
  }
}
