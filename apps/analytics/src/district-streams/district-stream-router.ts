import { Inject, Injectable, Logger } from '@nestjs/common';
import { Admin, Consumer, EachBatchPayload, IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopicOf, DistrictStreams, Subscriptions } from '@gridline/contracts';
import { districtTopicPlan, KafkaProvisioner } from '@gridline/kafka-access';
import { KafkaRuntime, sendAcknowledged } from '@gridline/messaging';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { districtRouteOf } from './domain/district-route';

const headerText = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

/**
 * Copies every public topic into each district's own topics (`gridline.district.<tenant>.*`), so a district team can
 * read its district with a stock client and an ACL on one prefix.
 *
 * Exactly once, in order: a batch of one source partition is written to the same partition of the district topics
 * (so each aggregate keeps its order) and its consumed offset committed in ONE Kafka transaction; readers with
 * `read_committed` (kafkajs, kcat and Kafka's own clients by default or by one setting) never see a copy twice or an
 * aborted one. Each source partition has its own transactional producer, so when a partition moves to another analytics
 * replica the new owner's producer fences the old one (kafkajs cannot attach group metadata to offsets, KIP-447).
 * A message without a district goes to the group's dead-letter topic in the same transaction.
 */
@Injectable()
export class DistrictStreamRouter {
  private readonly logger = new Logger('DistrictStreams');
  private consumer: Consumer | null = null;
  private admin: Admin | null = null;
  private readonly producers = new Map<string, Promise<Producer>>();
  private readonly districtsWithTopics = new Set<string>();
  private routed = 0;

  constructor(
    private readonly kafka: KafkaRuntime,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    // Declared before the runtime initialises, so start-up waits for the group's topics like any consumer's.
    const { group, topics } = Subscriptions.analyticsDistrictStreams;
    kafka.declareConsumerGroup(group, topics);
    kafka.registerConsumer(this);
  }

  get group(): string {
    return Subscriptions.analyticsDistrictStreams.group;
  }

  get messagesRouted(): number {
    return this.routed;
  }

  async start(): Promise<void> {
    const { group, topics } = Subscriptions.analyticsDistrictStreams;
    this.admin = this.kafka.kafka.admin();
    await this.admin.connect();
    const consumer = this.kafka.createConsumer(group, { readUncommitted: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((topic) => this.kafka.topics.physical(topic)), fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.config.topicPartitions,
      eachBatch: (payload) => this.route(payload),
    });
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer) await consumer.disconnect();
    const producers = [...this.producers.values()];
    this.producers.clear();
    await Promise.all(producers.map(async (producer) => (await producer).disconnect().catch(() => undefined)));
    await this.admin?.disconnect();
    this.admin = null;
  }

  private async route({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const logicalTopic = this.kafka.topics.logical(batch.topic);
    const copies: Array<{ topic: string; messages: Array<KafkaMessage & { partition: number }> }> = [];
    const deadLetters: Array<{ key: Buffer | null; value: Buffer | null; headers: IHeaders }> = [];
    for (const message of batch.messages) {
      const route = districtRouteOf(logicalTopic, headerText(message.headers, 'ce_tenantid'));
      if ('unroutable' in route) {
        deadLetters.push({
          key: message.key,
          value: message.value,
          headers: {
            ...(message.headers ?? {}),
            dlq_reason: 'no-district',
            dlq_detail: route.unroutable,
            dlq_original_topic: logicalTopic,
            dlq_original_partition: String(batch.partition),
            dlq_original_offset: message.offset,
            dlq_consumer_group: DistrictStreams.group,
          },
        });
        continue;
      }
      await this.ensureDistrictTopics(route.tenantId);
      const topic = this.kafka.topics.physical(route.topic);
      let copy = copies.find((c) => c.topic === topic);
      if (!copy) copies.push((copy = { topic, messages: [] }));
      copy.messages.push({ ...message, partition: batch.partition });
    }
    const producer = await this.producerFor(batch.topic, batch.partition);
    const transaction = await producer.transaction();
    try {
      const deadLetterTopic = this.kafka.topics.physical(deadLetterTopicOf(DistrictStreams.group));
      // Committed only if every partition named acknowledged: a partial answer aborts the transaction (ADR 0035).
      await sendAcknowledged(
        (routed) => transaction.sendBatch(routed),
        [
          ...copies.map(({ topic, messages }) => ({
            topic,
            // The same partition as the source: a key's events stay in one partition, in order.
            messages: messages.map((m) => ({
              key: m.key,
              value: m.value,
              headers: m.headers,
              timestamp: m.timestamp,
              partition: m.partition,
            })),
          })),
          ...(deadLetters.length > 0
            ? await this.kafka.assignPartitions([{ topic: deadLetterTopic, messages: deadLetters }])
            : []),
        ],
      );
      const next = (BigInt(batch.lastOffset()) + 1n).toString();
      await transaction.sendOffsets({
        consumerGroupId: this.kafka.topics.consumerGroup(DistrictStreams.group),
        topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }],
      });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      // A transaction cut by a broker failure can stay open on its coordinator, and reusing this producer would
      // retry into CONCURRENT_TRANSACTIONS until the transaction times out. A new producer's InitProducerId bumps
      // the epoch, which aborts the open transaction at once.
      await this.discardProducer(batch.topic, batch.partition);
      throw error; // kafkajs re-delivers the batch from the committed offset
    }
    resolveOffset(batch.lastOffset());
    this.routed += batch.messages.length - deadLetters.length;
    if (deadLetters.length > 0)
      this.logger.warn(`${deadLetters.length} message(s) of ${logicalTopic} had no district; dead-lettered`);
    await heartbeat();
  }

  private transactionalIdOf(topic: string, partition: number): string {
    return `${this.config.topicPrefix}${DistrictStreams.transactionalIdPrefix}${this.kafka.topics.logical(topic)}.${partition}`;
  }

  private async discardProducer(topic: string, partition: number): Promise<void> {
    const transactionalId = this.transactionalIdOf(topic, partition);
    const producer = this.producers.get(transactionalId);
    this.producers.delete(transactionalId);
    if (producer) await (await producer.catch(() => null))?.disconnect().catch(() => undefined);
  }

  private producerFor(topic: string, partition: number): Promise<Producer> {
    const transactionalId = this.transactionalIdOf(topic, partition);
    let producer = this.producers.get(transactionalId);
    if (!producer) {
      producer = (async () => {
        const created = this.kafka.kafka.producer({
          transactionalId,
          idempotent: true,
          maxInFlightRequests: 1,
          allowAutoTopicCreation: false,
        });
        await created.connect();
        return created;
      })();
      this.producers.set(transactionalId, producer);
      producer.catch(() => this.producers.delete(transactionalId));
    }
    return producer;
  }

  /** A district's topics appear with its first event; replicas racing to create them both succeed. */
  private async ensureDistrictTopics(tenantId: string): Promise<void> {
    if (this.districtsWithTopics.has(tenantId) || !this.admin) return;
    const plan = districtTopicPlan(this.config.topicPrefix, this.config.topicPartitions, tenantId);
    const created = await new KafkaProvisioner(this.admin).createMissingTopics(plan);
    if (created.length > 0)
      this.logger.log(
        `district ${tenantId}: created ${created.length} topics under ${this.config.topicPrefix}gridline.district.${tenantId}.`,
      );
    this.districtsWithTopics.add(tenantId);
  }
}
