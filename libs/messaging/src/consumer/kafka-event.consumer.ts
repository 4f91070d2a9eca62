import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  CloudEvent,
  deadLetterTopicOf,
  EventDefinition,
  eventSourceOf,
  findEventDefinition,
  findTopic,
  fromKafkaMessage,
  MalformedEventError,
  replayTopicOf,
} from '@gridline/contracts';
import { ConsumerOutcomeLabel, contextOf, gridlineMetrics, inSpan, isDependencyOutage, LogContext, runWithLogContext, SpanKind, traceIdFromTraceparent } from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { EventHandler, PermanentEventError } from './event-handler';
import { BackoffPolicy, retryDelayMs } from './retry-backoff';

export interface EventConsumerOptions {
  /** Logical consumer group, e.g. `issue-dispatch.replica`. */
  readonly group: string;
  /** Logical topics to read from the start. */
  readonly topics: readonly string[];
  readonly handlers: readonly EventHandler[];
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  /** Partitions handled at once; order holds within each partition (and so per key) whatever the value. */
  readonly partitionsConcurrently: number;
}

export type Outcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

class ShuttingDown extends Error {}

/** While the database is away, look again at least this often: the first event after it is back goes at once. */
const OUTAGE_RETRY_MAX_MS = 2_000;

const outcomeLabel: Record<Outcome, ConsumerOutcomeLabel> = { handled: 'handled', duplicate: 'duplicate', ignored: 'ignored', 'dead-lettered': 'dead_lettered' };

function headerText(message: KafkaMessage, name: string): string | undefined {
  const raw = message.headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

/**
 * Read from the headers before the envelope is checked, so that even the line dead-lettering a malformed event
 * names whatever tenant and correlation it claimed. `ce_traceparent` (the CloudEvents distributed-tracing
 * extension, ADR 0029) gives the trace id of lines logged outside the event's span, such as the outcome line.
 */
function logContextOf(message: KafkaMessage): LogContext {
  return {
    tenant: headerText(message, 'ce_tenantid'),
    correlationId: headerText(message, 'ce_correlationid'),
    traceId: traceIdFromTraceparent(headerText(message, 'ce_traceparent')),
  };
}

/**
 * Reads topics in one consumer group and runs handlers exactly once per event id:
 * - the inbox row and the handler's effects commit in one transaction, so a redelivered event changes nothing;
 * - a malformed envelope, an event whose source is not the topic's owner, or a payload that fails its schema goes
 *   straight to the group's dead-letter topic;
 * - a failing handler is retried with backoff (heartbeating meanwhile), then dead-lettered, and the partition
 *   moves on to the next event.
 * Offsets are committed only after an event is handled or dead-lettered, so a crash redelivers, never skips.
 */
export class KafkaEventConsumer {
  private readonly logger: Logger;
  private readonly handlersByType = new Map<string, EventHandler[]>();
  private consumer: Consumer | null = null;
  private readonly counts: Record<Outcome, number> = { handled: 0, duplicate: 0, ignored: 0, 'dead-lettered': 0 };

  constructor(
    private readonly kafka: KafkaRuntime,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
  ) {
    this.logger = new Logger(`Consumer ${options.group}`);
    for (const handler of options.handlers) {
      for (const definition of handler.handles) {
        const list = this.handlersByType.get(definition.type) ?? [];
        list.push(handler);
        this.handlersByType.set(definition.type, list);
      }
    }
    kafka.declareConsumerGroup(options.group, options.topics);
  }

  get group(): string {
    return this.options.group;
  }

  get outcomes(): Readonly<Record<Outcome, number>> {
    return this.counts;
  }

  /** Resolves once the consumer has joined its group; the runtime calls it in the background and retries. */
  async start(): Promise<void> {
    const consumer = this.kafka.createConsumer(this.options.group);
    this.consumer = consumer;
    await consumer.connect();
    // Its replay topic too: what the dead-letter tool puts back for this group alone (ADR 0027).
    const topics = [...this.options.topics, replayTopicOf(this.options.group)];
    await consumer.subscribe({ topics: topics.map((t) => this.kafka.topics.physical(t)), fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently,
      autoCommit: true,
      autoCommitInterval: 1000,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  /** Lets the batch in flight finish (kafkajs waits for it), commits, and leaves the group. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer) await consumer.disconnect();
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      try {
        const began = Date.now();
        const outcome = await runWithLogContext(logContextOf(message), async () => {
          const result = await this.processMessage(batch.topic, batch.partition, message, heartbeat, isRunning);
          // debug: at the default level a busy consumer would write a line per event
          this.logger.debug(
            `${result} ${headerText(message, 'ce_type') ?? '?'} ${headerText(message, 'ce_id') ?? '?'} from ${batch.topic}[${batch.partition}]@${message.offset} in ${Date.now() - began} ms`,
          );
          return result;
        });
        this.counts[outcome] += 1;
        gridlineMetrics.consumerEvents.inc({ group: this.options.group, topic: this.kafka.topics.logical(batch.topic), outcome: outcomeLabel[outcome] });
      } catch (error) {
        if (error instanceof ShuttingDown) break;
        throw error;
      }
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  /**
   * A replayed dead letter is handled as if read from the topic it first came from (its `dlq_original_topic`): the
   * same source check, schema, inbox and handlers. One that names no topic of this group is dead-lettered again.
   */
  private replayedFrom(topic: string, message: KafkaMessage): { topic: string } | { invalid: string } | null {
    if (this.kafka.topics.logical(topic) !== replayTopicOf(this.options.group)) return null;
    const original = headerText(message, 'dlq_original_topic');
    if (!original || !this.options.topics.includes(original)) return { invalid: `a replay must name one of ${this.options.group}'s topics in dlq_original_topic, not ${original ?? 'none'}` };
    return { topic: this.kafka.topics.physical(original) };
  }

  private async processMessage(
    deliveredOn: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<Outcome> {
    const replay = this.replayedFrom(deliveredOn, message);
    if (replay && 'invalid' in replay) return this.deadLetter(deliveredOn, partition, message, 'invalid-replay', replay.invalid);
    const topic = replay ? replay.topic : deliveredOn;
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(message.headers, message.value);
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      return this.deadLetter(topic, partition, message, 'malformed-envelope', error.message);
    }
    const untrusted = this.untrustedSource(topic, event);
    if (untrusted) return this.deadLetter(topic, partition, message, 'untrusted-source', untrusted);
    const definition = findEventDefinition(event.type);
    const handlers = this.handlersByType.get(event.type);
    if (!definition || !handlers) return 'ignored';
    const parsed = definition.schema.safeParse(event.data);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return this.deadLetter(topic, partition, message, 'schema-violation', problems);
    }
    const typed: CloudEvent = { ...event, data: parsed.data };
    // The handler runs in the producer's trace, so what it writes to its own outbox continues that trace.
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.destination.name': topic,
      'messaging.kafka.partition': partition,
      'messaging.consumer.group.name': this.options.group,
      'cloudevents.event_id': event.id,
      'cloudevents.event_type': event.type,
      'gridline.tenant': event.tenantid,
    };
    return inSpan(`process ${event.type}`, { kind: SpanKind.CONSUMER, attributes }, contextOf(event.traceparent, event.tracestate), async (span) => {
      const outcome = await this.handleWithRetries(typed, definition, handlers, { topic, partition, message, heartbeat, isRunning });
      span.setAttribute('gridline.outcome', outcome);
      return outcome;
    });
  }

  private async handleWithRetries(
    event: CloudEvent,
    definition: EventDefinition,
    handlers: EventHandler[],
    delivery: { topic: string; partition: number; message: KafkaMessage; heartbeat: () => Promise<void>; isRunning: () => boolean },
  ): Promise<Outcome> {
    let failedAttempts = 0;
    let outageRetries = 0;
    for (;;) {
      try {
        return await this.handleOnce(event, definition, handlers);
      } catch (error) {
        const reason = (error as Error).message;
        let delay: number;
        if (isDependencyOutage(error)) {
          // PostgreSQL away (a restart, a failover) is not the event's fault: wait for it, holding this partition,
          // however long it takes. Counting these tries would dead-letter every event in flight during an outage.
          outageRetries += 1;
          delay = Math.min(retryDelayMs(outageRetries, this.options.backoff), OUTAGE_RETRY_MAX_MS);
          if (outageRetries === 1 || outageRetries % 20 === 0) this.logger.warn(`${event.type} ${event.id} waits for the database (${outageRetries} tries so far): ${reason}`);
        } else {
          failedAttempts += 1;
          if (error instanceof PermanentEventError || failedAttempts >= this.options.maxAttempts) {
            return this.deadLetter(delivery.topic, delivery.partition, delivery.message, 'handler-failed', `after ${failedAttempts} attempt(s): ${reason}`);
          }
          delay = retryDelayMs(failedAttempts, this.options.backoff);
          this.logger.warn(`${event.type} ${event.id} failed (attempt ${failedAttempts}), retrying in ${delay} ms: ${reason}`);
        }
        gridlineMetrics.consumerRetries.inc({ group: this.options.group, topic: this.kafka.topics.logical(delivery.topic) });
        await this.sleepWithHeartbeat(delay, delivery.heartbeat, delivery.isRunning);
      }
    }
  }

  /**
   * Defence in depth behind the ACLs: only a topic's owner may write it, so an event claiming another source was
   * forged or misrouted. Returns why it is not trusted, or null.
   */
  private untrustedSource(topic: string, event: CloudEvent): string | null {
    const logical = this.kafka.topics.logical(topic);
    const owner = findTopic(logical)?.owner;
    if (!owner) return `${logical} is not in the catalogue, so no source is trusted on it`;
    const expected = eventSourceOf(owner);
    return event.source === expected ? null : `source ${event.source} on ${logical}, which only ${expected} writes`;
  }

  private async handleOnce(event: CloudEvent, definition: EventDefinition, handlers: EventHandler[]): Promise<Outcome> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer_group, event_id, tenant_id, event_type) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.group, event.id, event.tenantid, definition.type],
      );
      if (inserted.length === 0) return 'duplicate';
      for (const handler of handlers) await handler.handle(event, { manager });
      return 'handled';
    });
  }

  private async sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (!isRunning()) throw new ShuttingDown();
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, deadline - Date.now())));
      await heartbeat();
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, detail: string): Promise<Outcome> {
    this.logger.error(`dead-lettering ${topic}[${partition}]@${message.offset}: ${reason} — ${detail}`);
    await this.kafka.producer.send({
      topic: this.kafka.topics.physical(deadLetterTopicOf(this.options.group)),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...(message.headers ?? {}),
            dlq_reason: reason,
            dlq_detail: detail.slice(0, 2000),
            dlq_original_topic: this.kafka.topics.logical(topic),
            dlq_original_partition: String(partition),
            dlq_original_offset: message.offset,
            dlq_consumer_group: this.options.group,
            dlq_failed_at: new Date().toISOString(),
          },
        },
      ],
    });
    return 'dead-lettered';
  }
}
