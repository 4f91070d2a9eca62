import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Span, SpanStatusCode } from '@opentelemetry/api';
import { contextOf, gridlineMetrics, SERVICE_CONFIG, ServiceConfig, SpanKind, tracer } from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { OutboxRecord } from './outbox-record.entity';

const BATCH_SIZE = 500;

/**
 * Publishes outbox rows to Kafka in `seq` order and deletes them in the same transaction.
 *
 * One relay per service publishes at a time (a transaction-scoped advisory lock), so per-key order holds even
 * with several replicas. A crash between send and commit re-sends the batch on the next run: delivery is
 * at-least-once and consumers' inboxes drop the duplicates. It starts with the application, before Kafka is
 * connected, and publishes once the runtime's producer is.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private published = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaRuntime,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  get publishedCount(): number {
    return this.published;
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops: nothing is half-published at shutdown. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      // Until Kafka is reachable the rows simply wait in the outbox: intake keeps committing, nothing is lost.
      if (!this.kafka.producerReady) {
        await this.pause(Math.max(this.config.outboxPollMs, 500));
        continue;
      }
      let sent = 0;
      try {
        sent = await this.publishBatch();
      } catch (error) {
        this.logger.warn(`publishing failed, will retry: ${(error as Error).message}`);
        await this.pause(Math.max(this.config.outboxPollMs, 1000));
        continue;
      }
      if (sent < BATCH_SIZE) await this.pause(this.config.outboxPollMs);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * One PRODUCER span per traced event, under the context stored with it: a trace shows how long the event
   * waited in the outbox and how long Kafka took to acknowledge it.
   */
  private publishSpans(rows: OutboxRecord[]): Span[] {
    return rows
      .filter((row) => row.headers.ce_traceparent)
      .map((row) =>
        tracer().startSpan(
          `publish ${row.topic}`,
          {
            kind: SpanKind.PRODUCER,
            attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': row.topic, 'cloudevents.event_id': row.eventId, 'cloudevents.event_type': row.eventType },
          },
          contextOf(row.headers.ce_traceparent, row.headers.ce_tracestate),
        ),
      );
  }

  /** Returns how many events were published. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `gridline-outbox:${this.config.databaseSchema}`,
      ]);
      if (!locked) return 0;
      const rows = await manager.find(OutboxRecord, { order: { seq: 'ASC' }, take: BATCH_SIZE });
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, Message[]>();
      for (const row of rows) {
        const topic = this.kafka.topics.physical(row.topic);
        const messages = byTopic.get(topic) ?? [];
        messages.push({ key: row.messageKey, value: JSON.stringify(row.payload), headers: row.headers });
        byTopic.set(topic, messages);
      }
      const spans = this.publishSpans(rows);
      try {
        await this.kafka.producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
        this.kafka.recordPublish();
      } catch (error) {
        this.kafka.recordPublish(error as Error);
        for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        for (const span of spans) span.end();
      }
      const acknowledgedAt = Date.now();
      for (const row of rows) gridlineMetrics.outboxPublishLatency.observe(Math.max(0, acknowledgedAt - row.createdAt.getTime()) / 1000);
      // Delete exactly what was sent: a row with a lower seq may commit after this scan and must stay.
      await manager.query(`DELETE FROM "${this.config.databaseSchema}".outbox WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      this.published += rows.length;
      return rows.length;
    });
  }
}
