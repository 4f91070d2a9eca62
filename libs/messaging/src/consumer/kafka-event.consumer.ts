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
import {
  ConsumerOutcomeLabel,
  contextOf,
  gridlineMetrics,
  inSpan,
  isDependencyOutage,
  LogContext,
  runWithLogContext,
  SpanKind,
  traceIdFromTraceparent,
} from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { EventHandler, HandlingContext, PermanentEventError } from './event-handler';
import { BatchMemberFailed, handleInOneTransaction, InboxEntry } from './inbox-batch';
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
  /** Most events of one partition handled in one transaction (ADR 0033); 1 is a transaction per event. */
  readonly batchSize: number;
}

export type Outcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

class ShuttingDown extends Error {}

/**
 * Refuses at start-up a handler that could never be called: an event it handles is not in the catalogue (the
 * consumer ignores types it cannot look up), or travels on a topic this group does not read.
 */
export function assertHandledEventsArrive({
  group,
  topics,
  handlers,
}: Pick<EventConsumerOptions, 'group' | 'topics' | 'handlers'>): void {
  const problems = handlers.flatMap((handler) =>
    handler.handles.flatMap((definition) => {
      const name = `${handler.name ?? handler.constructor.name} handles ${definition.type}`;
      if (findEventDefinition(definition.type) !== definition)
        return [`${name}, which is not the catalogue's definition of that type (add it to the catalogue)`];
      if (!topics.includes(definition.topic))
        return [`${name}, which travels on ${definition.topic}, a topic ${group} does not read`];
      return [];
    }),
  );
  if (problems.length > 0) throw new Error(`consumer group ${group} cannot start: ${problems.join('; ')}`);
}

/** While the database is away, look again at least this often: the first event after it is back goes at once. */
const OUTAGE_RETRY_MAX_MS = 2_000;

const outcomeLabel: Record<Outcome, ConsumerOutcomeLabel> = {
  handled: 'handled',
  duplicate: 'duplicate',
  ignored: 'ignored',
  'dead-lettered': 'dead_lettered',
};

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

/** Where a message came from and how to keep its partition's session alive while it waits. */
interface Delivery {
  /** The topic it is handled as: where it was read, or for a replayed dead letter the topic it first came from. */
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly heartbeat: () => Promise<void>;
  readonly isRunning: () => boolean;
  /** Read once from its headers: the check, the handlers and the outcome line all log in it. */
  readonly logContext: LogContext;
}

/** A checked event waiting for its handlers. */
interface ReadyEvent extends InboxEntry {
  readonly definition: EventDefinition;
  readonly handlers: readonly EventHandler[];
  readonly delivery: Delivery;
}

/** A message of the batch in hand: settled already (ignored, dead-lettered) or waiting for the transaction. */
type Entry = {
  readonly message: KafkaMessage;
  readonly topic: string;
  readonly began: number;
  readonly logContext: LogContext;
} & ({ readonly settled: Outcome } | { readonly ready: ReadyEvent });

type Checked = { readonly topic: string } & ({ readonly settled: Outcome } | { readonly ready: ReadyEvent });

/**
 * Reads topics in one consumer group and runs handlers exactly once per event id:
 * - the inbox rows and the handlers' effects commit in one transaction, so a redelivered event changes nothing;
 *   the events of one partition's batch share that transaction, up to `batchSize` of them (ADR 0033);
 * - a malformed envelope, an event whose source is not the topic's owner, or a payload that fails its schema goes
 *   straight to the group's dead-letter topic;
 * - a failing handler rolls its batch back; the events before it commit again without it, it is retried alone
 *   with backoff (heartbeating meanwhile) and then dead-lettered, and the partition moves on to the next event.
 * Offsets are committed only after the events are handled or dead-lettered, so a crash redelivers, never skips.
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
    assertHandledEventsArrive(options);
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

  /**
   * Checks the batch's messages in order and hands the good ones to the database `batchSize` at a time. A chunk's
   * offsets are resolved only once all of it is settled. Stopping (or a rebalance) ends the reading, not the chunk
   * in hand: it is settled first (unless the partition went to another member), and the inbox makes whatever is
   * redelivered later harmless.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    let chunk: Entry[] = [];
    const settleChunk = async () => {
      const settled = chunk;
      chunk = [];
      // A rebalance gave the partition to another member, which reads these again from the committed offset.
      if (settled.length === 0 || isStale()) return;
      await this.settle(batch.partition, settled);
      resolveOffset(settled[settled.length - 1].message.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    };
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const began = Date.now();
        const logContext = logContextOf(message);
        const checked = await runWithLogContext(logContext, () =>
          this.check(batch.topic, batch.partition, message, logContext, heartbeat, isRunning),
        );
        chunk.push({ message, began, logContext, ...checked });
        if (chunk.length >= this.options.batchSize) await settleChunk();
      }
      await settleChunk();
    } catch (error) {
      if (error instanceof ShuttingDown) return;
      throw error;
    }
  }

  /**
   * Handles the chunk's ready events, then logs every message's outcome in order and counts them, one metric
   * increment per topic and outcome rather than per message.
   */
  private async settle(partition: number, chunk: Entry[]): Promise<void> {
    const ready = chunk.flatMap((entry) => ('ready' in entry ? [entry.ready] : []));
    const outcomes = await this.handleAll(ready);
    const tally = new Map<string, { topic: string; outcome: Outcome; count: number }>();
    // debug: at the default level a busy consumer would write a line per event. Asked once per chunk, so that
    // below debug the line is not even composed.
    const logOutcomes = Logger.isLevelEnabled('debug');
    let next = 0;
    for (const entry of chunk) {
      const outcome = 'ready' in entry ? outcomes[next++] : entry.settled;
      const { message, topic } = entry;
      if (logOutcomes)
        runWithLogContext(entry.logContext, () =>
          this.logger.debug(
            `${outcome} ${headerText(message, 'ce_type') ?? '?'} ${headerText(message, 'ce_id') ?? '?'} from ${topic}[${partition}]@${message.offset} in ${Date.now() - entry.began} ms`,
          ),
        );
      this.counts[outcome] += 1;
      const key = `${outcome} ${topic}`;
      const seen = tally.get(key);
      if (seen) seen.count += 1;
      else tally.set(key, { topic, outcome, count: 1 });
    }
    for (const { topic, outcome, count } of tally.values()) {
      gridlineMetrics.consumerEvents.inc(
        { group: this.options.group, topic: this.kafka.topics.logical(topic), outcome: outcomeLabel[outcome] },
        count,
      );
    }
  }

  /**
   * A replayed dead letter is handled as if read from the topic it first came from (its `dlq_original_topic`): the
   * same source check, schema, inbox and handlers. One that names no topic of this group is dead-lettered again.
   */
  private replayedFrom(topic: string, message: KafkaMessage): { topic: string } | { invalid: string } | null {
    if (this.kafka.topics.logical(topic) !== replayTopicOf(this.options.group)) return null;
    const original = headerText(message, 'dlq_original_topic');
    if (!original || !this.options.topics.includes(original))
      return {
        invalid: `a replay must name one of ${this.options.group}'s topics in dlq_original_topic, not ${original ?? 'none'}`,
      };
    return { topic: this.kafka.topics.physical(original) };
  }

  /**
   * Checks one message: a malformed envelope, an untrusted source or a schema violation is dead-lettered here,
   * an event no handler of this group takes is ignored; anything else is ready for the transaction.
   */
  private async check(
    deliveredOn: string,
    partition: number,
    message: KafkaMessage,
    logContext: LogContext,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<Checked> {
    const replay = this.replayedFrom(deliveredOn, message);
    if (replay && 'invalid' in replay)
      return {
        topic: deliveredOn,
        settled: await this.deadLetter(deliveredOn, partition, message, 'invalid-replay', replay.invalid),
      };
    const topic = replay ? replay.topic : deliveredOn;
    const deadLettered = async (reason: string, detail: string): Promise<Checked> => ({
      topic,
      settled: await this.deadLetter(topic, partition, message, reason, detail),
    });
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(message.headers, message.value);
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      return deadLettered('malformed-envelope', error.message);
    }
    const untrusted = this.untrustedSource(topic, event);
    if (untrusted) return deadLettered('untrusted-source', untrusted);
    const definition = findEventDefinition(event.type);
    const handlers = this.handlersByType.get(event.type);
    if (!definition || !handlers) return { topic, settled: 'ignored' };
    const parsed = definition.schema.safeParse(event.data);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return deadLettered('schema-violation', problems);
    }
    const delivery: Delivery = { topic, partition, message, heartbeat, isRunning, logContext };
    return {
      topic,
      ready: { event: { ...event, data: parsed.data }, eventType: definition.type, definition, handlers, delivery },
    };
  }

  /**
   * Handles the events in order, together in one transaction when it can. A handler's failure rolls the batch
   * back; the events before the failed one are handled again without it, the failed one alone with its retries,
   * and the rest after it the same way — one poison event costs its neighbours one more transaction, not their
   * place. While the database is away the whole batch waits, as one event would.
   */
  private async handleAll(ready: readonly ReadyEvent[]): Promise<Outcome[]> {
    if (ready.length === 0) return [];
    if (ready.length === 1) return [await this.handleWithRetries(ready[0])];
    let outageRetries = 0;
    for (;;) {
      try {
        return await handleInOneTransaction(this.dataSource, this.options.group, ready, (fresh, context) =>
          this.runBatchHandlers(ready, fresh, context),
        );
      } catch (error) {
        if (error instanceof BatchMemberFailed && error.index === null) {
          // A set-based handler failed and does not say on which event: find out one event at a time.
          this.logger.warn(`a batch of ${ready.length} is handled one event at a time: ${error.message}`);
          const outcomes: Outcome[] = [];
          for (const one of ready) outcomes.push(await this.handleWithRetries(one));
          return outcomes;
        }
        if (error instanceof BatchMemberFailed && error.index !== null) {
          const before = await this.handleAll(ready.slice(0, error.index));
          const failed = await this.handleWithRetries(ready[error.index], error.failure);
          const after = await this.handleAll(ready.slice(error.index + 1));
          return [...before, failed, ...after];
        }
        if (!isDependencyOutage(error)) throw error;
        outageRetries += 1;
        await this.waitForDatabase(ready[0], outageRetries, error);
      }
    }
  }

  /**
   * Event by event in order, each handler that has no `handleMany`; then each set-based handler once with its
   * events of the batch. A failure names the event it happened on (or none, for a set-based handler); a database
   * outage is passed on as it is, so the whole batch waits.
   */
  private async runBatchHandlers(
    ready: readonly ReadyEvent[],
    fresh: readonly number[],
    context: HandlingContext,
  ): Promise<void> {
    const setBased = new Map<EventHandler, CloudEvent[]>();
    for (const index of fresh) {
      const perEvent = ready[index].handlers.filter((handler) => !handler.handleMany);
      try {
        await this.runHandlers(ready[index], perEvent, context);
      } catch (error) {
        throw isDependencyOutage(error) ? error : new BatchMemberFailed(index, error);
      }
      for (const handler of ready[index].handlers) {
        if (!handler.handleMany) continue;
        const events = setBased.get(handler) ?? [];
        events.push(ready[index].event);
        setBased.set(handler, events);
      }
    }
    for (const [handler, events] of setBased) {
      const attributes = {
        'messaging.system': 'kafka',
        'messaging.consumer.group.name': this.options.group,
        'messaging.batch.message_count': events.length,
      };
      try {
        await inSpan(
          `process batch of ${events.length}`,
          { kind: SpanKind.CONSUMER, attributes },
          contextOf(null),
          () => handler.handleMany!(events, context),
        );
      } catch (error) {
        throw isDependencyOutage(error) ? error : new BatchMemberFailed(null, error);
      }
    }
  }

  /** Runs an event's handlers in the producer's trace, so what they write to their own outbox continues it. */
  private runHandlers(ready: ReadyEvent, handlers: readonly EventHandler[], context: HandlingContext): Promise<void> {
    const { event, delivery } = ready;
    const attributes = {
      'messaging.system': 'kafka',
      'messaging.destination.name': delivery.topic,
      'messaging.kafka.partition': delivery.partition,
      'messaging.consumer.group.name': this.options.group,
      'cloudevents.event_id': event.id,
      'cloudevents.event_type': event.type,
      'gridline.tenant': event.tenantid,
    };
    return runWithLogContext(delivery.logContext, () =>
      inSpan(
        `process ${event.type}`,
        { kind: SpanKind.CONSUMER, attributes },
        contextOf(event.traceparent, event.tracestate),
        async () => {
          for (const handler of handlers) await handler.handle(event, context);
        },
      ),
    );
  }

  /**
   * One event in its own transaction, retried with backoff and dead-lettered after `maxAttempts` failed tries.
   * `earlierFailure` is the failure that singled it out of its batch: that counts as its first try.
   */
  private async handleWithRetries(ready: ReadyEvent, earlierFailure?: unknown): Promise<Outcome> {
    const { event, delivery } = ready;
    let failedAttempts = 0;
    let outageRetries = 0;
    let failure: unknown = earlierFailure;
    for (;;) {
      if (failure === undefined) {
        try {
          // Alone, every handler takes the event by `handle`, set-based ones too: this is where a batch's failure is pinned down.
          const [outcome] = await handleInOneTransaction(
            this.dataSource,
            this.options.group,
            [ready],
            (fresh, context) => (fresh.length ? this.runHandlers(ready, ready.handlers, context) : Promise.resolve()),
          );
          return outcome;
        } catch (error) {
          failure = error;
        }
      }
      if (isDependencyOutage(failure)) {
        outageRetries += 1;
        await this.waitForDatabase(ready, outageRetries, failure);
      } else {
        failedAttempts += 1;
        const reason = (failure as Error)?.message ?? String(failure);
        if (failure instanceof PermanentEventError || failedAttempts >= this.options.maxAttempts) {
          return this.deadLetter(
            delivery.topic,
            delivery.partition,
            delivery.message,
            'handler-failed',
            `after ${failedAttempts} attempt(s): ${reason}`,
          );
        }
        const delay = retryDelayMs(failedAttempts, this.options.backoff);
        this.logger.warn(
          `${event.type} ${event.id} failed (attempt ${failedAttempts}), retrying in ${delay} ms: ${reason}`,
        );
        gridlineMetrics.consumerRetries.inc({
          group: this.options.group,
          topic: this.kafka.topics.logical(delivery.topic),
        });
        await this.sleepWithHeartbeat(delay, delivery.heartbeat, delivery.isRunning);
      }
      failure = undefined;
    }
  }

  /**
   * PostgreSQL away (a restart, a failover) is not the event's fault: wait for it, holding this partition, however
   * long it takes. Counting these tries would dead-letter every event in flight during an outage.
   */
  private async waitForDatabase(first: ReadyEvent, outageRetries: number, failure: unknown): Promise<void> {
    const { event, delivery } = first;
    const delay = Math.min(retryDelayMs(outageRetries, this.options.backoff), OUTAGE_RETRY_MAX_MS);
    if (outageRetries === 1 || outageRetries % 20 === 0) {
      this.logger.warn(
        `${event.type} ${event.id} waits for the database (${outageRetries} tries so far): ${(failure as Error)?.message ?? String(failure)}`,
      );
    }
    gridlineMetrics.consumerRetries.inc({
      group: this.options.group,
      topic: this.kafka.topics.logical(delivery.topic),
    });
    await this.sleepWithHeartbeat(delay, delivery.heartbeat, delivery.isRunning);
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

  private async sleepWithHeartbeat(
    ms: number,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<void> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (!isRunning()) throw new ShuttingDown();
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, deadline - Date.now())));
      await heartbeat();
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
    detail: string,
  ): Promise<Outcome> {
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
