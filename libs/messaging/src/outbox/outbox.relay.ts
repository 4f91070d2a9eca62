import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Message } from 'kafkajs';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Span, SpanStatusCode } from '@opentelemetry/api';
import { contextOf, gridlineMetrics, SERVICE_CONFIG, ServiceConfig, SpanKind, tracer } from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { outboxChannelOf } from './outbox-channel';
import { OutboxRecord } from './outbox-record.entity';

const BATCH_SIZE = 500;
/** After the listening connection is lost (a PostgreSQL restart), how long before listening again; polls go on. */
const RELISTEN_MS = 1_000;
/** What publishBatch answers when another replica's relay is publishing. */
const ANOTHER_RELAY = -1;

/**
 * Publishes outbox rows to Kafka in `seq` order and deletes them in the same transaction.
 *
 * One relay per service publishes at a time (a transaction-scoped advisory lock), so per-key order holds even
 * with several replicas. A crash between send and commit re-sends the batch on the next run: delivery is
 * at-least-once and consumers' inboxes drop the duplicates. It starts with the application, before Kafka is
 * connected, and publishes once the runtime's producer is.
 *
 * It wakes when a transaction that wrote to the outbox commits (LISTEN on the channel `Outbox` NOTIFYs), so an
 * event waits for Kafka, not for the next poll; OUTBOX_POLL_MS remains the fallback — for a connection pooler
 * that drops LISTEN, for the seconds after PostgreSQL restarts, and for rows another replica's relay left behind.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: ((byCommit?: boolean) => void) | null = null;
  /** A commit was announced while no pause was pending: the next pause returns at once. */
  private nudged = false;
  /** The last pause ended because a commit was announced: the outbox is known to hold a row, no need to look. */
  private wokenByCommit = false;
  private listener: PoolClient | null = null;
  private relisten: NodeJS.Timeout | null = null;
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
    void this.listen();
  }

  /** Finishes the batch in flight, then stops: nothing is half-published at shutdown. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.relisten) clearTimeout(this.relisten);
    this.wake?.();
    await this.loop;
    this.dropListener();
  }

  /** One pooled connection LISTENs for commits; losing it only means falling back to polling until it is back. */
  private async listen(): Promise<void> {
    if (!this.running) return;
    let client: PoolClient | null = null;
    try {
      client = (await (this.dataSource.driver as PostgresDriver).master.connect()) as PoolClient;
      client.on('notification', () => this.nudge());
      client.on('error', (error: Error) =>
        this.listenLater(`the connection listening for outbox commits failed (${error.message})`),
      );
      await client.query(`LISTEN "${outboxChannelOf(this.config.databaseSchema)}"`);
      this.listener = client;
      if (!this.running) this.dropListener();
    } catch (error) {
      client?.release(true);
      this.listenLater(`cannot listen for outbox commits yet (${(error as Error).message})`);
    }
  }

  private listenLater(reason: string): void {
    this.dropListener();
    if (!this.running || this.relisten) return;
    this.logger.warn(`${reason}; polling every ${this.config.outboxPollMs} ms meanwhile`);
    this.relisten = setTimeout(() => {
      this.relisten = null;
      void this.listen();
    }, RELISTEN_MS);
  }

  private dropListener(): void {
    const client = this.listener;
    this.listener = null;
    // Destroyed rather than returned: a connection that LISTENs must not serve a query elsewhere.
    client?.release(true);
  }

  private nudge(): void {
    this.nudged = true;
    this.wake?.(true);
  }

  private async run(): Promise<void> {
    while (this.running) {
      // Until Kafka is reachable the rows simply wait in the outbox: intake keeps committing, nothing is lost.
      if (!this.kafka.producerReady) {
        // Only a flag is read meanwhile, so look often: the first events after start-up go out once Kafka is there.
        await this.pause(Math.min(this.config.outboxPollMs, 500));
        continue;
      }
      let sent = 0;
      // Commits announced from here on are covered by the next read, or by the one after it.
      this.nudged = false;
      const afterCommit = this.wokenByCommit;
      this.wokenByCommit = false;
      try {
        sent = await this.publishBatch(afterCommit);
      } catch (error) {
        this.logger.warn(`publishing failed, will retry: ${(error as Error).message}`);
        await this.pause(Math.max(this.config.outboxPollMs, 1000));
        continue;
      }
      // Another replica's relay holds the lock and sees the same commits: only poll, or every commit would cost
      // this replica a transaction too.
      if (sent === ANOTHER_RELAY) await this.pause(this.config.outboxPollMs);
      else if (sent < BATCH_SIZE) await this.pause(this.config.outboxPollMs, true);
    }
  }

  /**
   * Sleeps `ms`, or less: shutdown always ends it; an announced commit ends it only when `untilCommit` (after a
   * failure or while Kafka is away the relay backs off whatever is committed).
   */
  private pause(ms: number, untilCommit = false): Promise<void> {
    if (untilCommit && this.nudged) {
      this.wokenByCommit = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = (byCommit = false) => {
        if (byCommit && !untilCommit) return;
        this.wokenByCommit = byCommit;
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
            attributes: {
              'messaging.system': 'kafka',
              'messaging.destination.name': row.topic,
              'cloudevents.event_id': row.eventId,
              'cloudevents.event_type': row.eventType,
            },
          },
          contextOf(row.headers.ce_traceparent, row.headers.ce_tracestate),
        ),
      );
  }

  /**
   * Whether the outbox holds a committed row, read outside any transaction. Most polls find it empty (a service at
   * rest, or one whose neighbours are the busy ones): one statement then instead of a transaction. It reads in `seq`
   * order, as the batch does, so it walks the primary key rather than the deleted rows at the table's front. A row
   * committed just after this read announces itself and the relay reads again.
   */
  private async outboxHasRows(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM "${this.config.databaseSchema}".outbox ORDER BY seq LIMIT 1`,
    );
    return rows.length > 0;
  }

  /**
   * Returns how many events were published, or ANOTHER_RELAY (-1) when another replica's relay is publishing.
   * `afterCommit`: woken by an announced commit, so the outbox is not probed first.
   *
   * Two round trips to PostgreSQL per batch, each a multi-statement simple query on one pooled connection: (1) begin,
   * take the lock, read the batch; (2) delete what Kafka acknowledged and commit. The read is its own statement after
   * the lock's, so under READ COMMITTED it sees every row the previous lock holder deleted as gone. Before, the same
   * batch took six statements, each a round trip: close to a third of issue-dispatch's statements in the whole-system
   * benchmark (ADR 0045).
   */
  async publishBatch(afterCommit = false): Promise<number> {
    if (!afterCommit && !(await this.outboxHasRows())) return 0;
    const schema = this.config.databaseSchema;
    const client = (await (this.dataSource.driver as PostgresDriver).master.connect()) as PoolClient;
    let broken: Error | undefined;
    try {
      const [, lock, read] = (await client.query(
        `BEGIN;
         SELECT pg_try_advisory_xact_lock(hashtext(${client.escapeLiteral(`gridline-outbox:${schema}`)})) AS locked;
         SELECT seq, event_id, tenant_id, topic, message_key, event_type, headers, payload, created_at
           FROM "${schema}".outbox ORDER BY seq LIMIT ${BATCH_SIZE}`,
      )) as unknown as QueryResult[];
      if (!lock.rows[0].locked || read.rows.length === 0) {
        await client.query('ROLLBACK');
        return lock.rows[0].locked ? 0 : ANOTHER_RELAY;
      }
      const rows = read.rows.map(outboxRowOf);
      await this.send(rows);
      // Delete exactly what was sent: a row with a lower seq may commit after this scan and must stay.
      await client.query(`DELETE FROM "${schema}".outbox WHERE seq IN (${rows.map((r) => r.seq).join(',')}); COMMIT`);
      this.published += rows.length;
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      // A connection whose rollback failed is closed, not handed to the next query.
      client.release(broken);
    }
  }

  /** Publishes the rows; resolves only when every partition acknowledged (ADR 0035). */
  private async send(rows: OutboxRecord[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const topic = this.kafka.topics.physical(row.topic);
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: row.messageKey, value: JSON.stringify(row.payload), headers: row.headers });
      byTopic.set(topic, messages);
    }
    const spans = this.publishSpans(rows);
    try {
      // A partial answer keeps every row for the next try.
      await this.kafka.publish([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      this.kafka.recordPublish();
    } catch (error) {
      this.kafka.recordPublish(error as Error);
      for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
    const acknowledgedAt = Date.now();
    for (const row of rows)
      gridlineMetrics.outboxPublishLatency.observe(Math.max(0, acknowledgedAt - row.createdAt.getTime()) / 1000);
  }
}

/** An outbox row as the pg driver returns it (bigint as text, jsonb parsed, timestamptz as a Date). */
function outboxRowOf(row: Record<string, unknown>): OutboxRecord {
  const seq = String(row.seq);
  // seq is spliced into the DELETE: only ever digits, from the bigserial key.
  if (!/^\d+$/.test(seq)) throw new Error(`outbox seq ${seq} is not a bigint`);
  return Object.assign(new OutboxRecord(), {
    seq,
    eventId: row.event_id as string,
    tenantId: row.tenant_id as string,
    topic: row.topic as string,
    messageKey: row.message_key as string,
    eventType: row.event_type as string,
    headers: row.headers as Record<string, string>,
    payload: row.payload as object,
    createdAt: row.created_at as Date,
  });
}
