import { randomBytes } from 'node:crypto';
import { Controller, INestApplication, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Producer } from 'kafkajs';
import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CloudEvent,
  deadLetterTopicOf,
  EventData,
  IssueReported,
  replayTopicOf,
  SubscriptionSpec,
  Topics,
} from '@gridline/contracts';
import { KafkaProvisioner, withAdmin } from '@gridline/kafka-access';
import {
  createMessagingTables,
  HandleEvent,
  KafkaEventContext,
  MessagingModule,
  messagingEntities,
  PermanentEventError,
  provideEventServer,
  schemaOf,
} from '@gridline/messaging';
import { DatabaseModule, loadServiceConfig, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { eventConsumerOf, eventually, startEventApplication } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { adminConnection } from '../support/kafka-credentials';
import { syntheticEvent } from '../support/synthetic-event';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The batch consumer (ADR 0033) in-process against the real broker and database: a partition's events share one
 * transaction, yet a poison event among them is isolated and dead-lettered while every neighbour commits once,
 * in order; a duplicate inside the batch runs nothing; after-commit actions run only for what committed.
 */
const GROUP = 'tests.batch-consumer';
const SET_BASED_GROUP = 'tests.batch-consumer-set-based';
const tenant = 'batching';

const subscription = (group: string): SubscriptionSpec => ({
  group,
  service: 'issue-dispatch',
  topics: [Topics.issueEvents.name],
  description: 'The batch consumer test: every IssueReported once, with one effect row each.',
});

class BatchTestSchema1764900000001 implements MigrationInterface {
  name = 'BatchTestSchema1764900000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createMessagingTables(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schemaOf(queryRunner)}".effects (
        seq bigserial PRIMARY KEY,
        issue_id text NOT NULL,
        txid bigint NOT NULL
      )`);
    await queryRunner.query(
      `CREATE TABLE "${schemaOf(queryRunner)}".set_effects (issue_id text PRIMARY KEY, txid bigint NOT NULL)`,
    );
  }
  async down(): Promise<void> {}
}

/**
 * Writes one effect row per event with its transaction id. Fails on purpose by the issue id: `poison-*` on every
 * try, `permanent-*` with a PermanentEventError, `flaky-*` on its first try only.
 */
@Controller()
class RecordingHandler {
  readonly committed: string[] = [];
  private readonly failedOnce = new Set<string>();

  @HandleEvent(IssueReported, subscription(GROUP))
  async record(
    @Payload() { issueId }: EventData<typeof IssueReported>,
    @Ctx() { manager, afterCommit }: KafkaEventContext,
  ): Promise<void> {
    await manager.query(`INSERT INTO effects (issue_id, txid) VALUES ($1, txid_current())`, [issueId]);
    if (issueId.startsWith('poison-')) throw new Error(`${issueId} can never be handled`);
    if (issueId.startsWith('permanent-')) throw new PermanentEventError(`${issueId} is refused for good`);
    if (issueId.startsWith('flaky-') && !this.failedOnce.has(issueId)) {
      this.failedOnce.add(issueId);
      throw new Error(`${issueId} fails once`);
    }
    afterCommit(() => void this.committed.push(issueId));
  }
}

/**
 * A batch handler: one multi-row insert per batch, which fails as a whole when a `poison-*` issue is among the
 * events — the consumer must then find the culprit by calling it with one event at a time.
 */
@Controller()
class SetBasedRecordingHandler {
  batches = 0;

  @HandleEvent(IssueReported, subscription(SET_BASED_GROUP), { batch: true })
  async write(@Payload() events: readonly CloudEvent[], @Ctx() { manager }: KafkaEventContext): Promise<void> {
    if (events.length > 1) this.batches += 1;
    const issueIds = events.map((event) => (event.data as { issueId: string }).issueId);
    await manager.query(`INSERT INTO set_effects (issue_id, txid) SELECT unnest($1::text[]), txid_current()`, [
      issueIds,
    ]);
    const poison = issueIds.find((id) => id.startsWith('poison-'));
    if (poison) throw new Error(`${poison} can never be handled`);
  }
}

/** An IssueReported on one key ('one-street'), so every event goes to one partition in the order sent. */
function issueReported(issueId: string, category = 'noise') {
  return syntheticEvent(
    IssueReported.type,
    'one-street',
    {
      issueId,
      tenantId: tenant,
      category,
      channel: 'resident',
      gridId: 'grid-1',
      reportedAt: new Date().toISOString(),
    },
    { tenant },
  );
}

@Module({})
class BatchTestModule {
  static with(config: ServiceConfig) {
    return {
      module: BatchTestModule,
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({ entities: messagingEntities, migrations: [BatchTestSchema1764900000001] }),
        MessagingModule,
      ],
      controllers: [RecordingHandler, SetBasedRecordingHandler],
      providers: [provideEventServer(subscription(GROUP)), provideEventServer(subscription(SET_BASED_GROUP))],
    };
  }
}

describe('batch consumer', () => {
  let database: TestDatabase;
  let config: ServiceConfig;
  let producer: Producer;
  let deadLetters: EventRecorder;
  let app: INestApplication | undefined;
  let issueIdsSent: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('batch_consumer');
    const kafka = adminConnection();
    const prefix = `batch-${randomBytes(3).toString('hex')}.`;
    config = loadServiceConfig(
      { serviceName: 'issue-dispatch', databaseSchema: 'batch_test', portVariable: 'UNUSED_PORT', defaultPort: 1 },
      {
        ...process.env,
        DATABASE_URL: database.url,
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_SASL_USERNAME: kafka.username,
        KAFKA_SASL_PASSWORD: kafka.password,
        KAFKA_TOPIC_PARTITIONS: '1',
        CONSUMER_MAX_ATTEMPTS: '2',
        CONSUMER_RETRY_BASE_MS: '20',
        CONSUMER_BATCH_SIZE: '25',
        // The smallest fetches allowed, so the last test's event is larger than a whole fetch may carry.
        CONSUMER_FETCH_MAX_BYTES: '65536',
        CONSUMER_FETCH_MAX_PARTITION_BYTES: '16384',
        LOG_LEVEL: 'error',
      },
    );
    const topics = [
      Topics.issueEvents.name,
      ...[GROUP, SET_BASED_GROUP].flatMap((g) => [deadLetterTopicOf(g), replayTopicOf(g)]),
    ].map((t) => prefix + t);
    await withAdmin(kafka, async (admin) => {
      await new KafkaProvisioner(admin).provisionTopics(prefix, 1);
      await admin.createTopics({
        topics: topics.slice(1).map((topic) => ({ topic, numPartitions: 1 })),
        waitForLeaders: false,
      });
      // A new topic's leaders take a moment to spread; producing before then fails with "does not host".
      await eventually('partition leaders for the test topics', async () => {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        return metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      });
    });
    producer = EventRecorder.kafka().producer();
    await producer.connect();
    deadLetters = await new EventRecorder(EventRecorder.kafka()).start(
      [GROUP, SET_BASED_GROUP].map((g) => prefix + deadLetterTopicOf(g)),
    );
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await deadLetters?.stop();
    await database?.drop();
  });

  it('commits a partition’s events in shared transactions, isolating poison events and running duplicates once', async () => {
    // 60 events on one key, so one partition and one order; a duplicate of the 6th as the 51st.
    const issueIds = Array.from({ length: 60 }, (_, i) => {
      const n = String(i).padStart(2, '0');
      return i === 10 || i === 40 ? `poison-${n}` : i === 25 ? `permanent-${n}` : i === 33 ? `flaky-${n}` : `ok-${n}`;
    });
    const events = issueIds.map((issueId) => issueReported(issueId));
    issueIdsSent = issueIds;
    const messages = events.map((e) => e.message);
    messages.splice(50, 0, events[5].message);
    await producer.send({ topic: config.topicPrefix + Topics.issueEvents.name, messages });

    // Started after the events wait, so they arrive together as kafkajs batches.
    app = await startEventApplication(BatchTestModule.with(config));
    const consumer = eventConsumerOf(app, GROUP);
    const handler = app.get(RecordingHandler);
    await eventually(
      'every event to be settled',
      async () => Object.values(consumer.outcomes).reduce((a, b) => a + b, 0) === 61,
      60_000,
    );

    const expectedHandled = issueIds.filter((id) => !id.startsWith('poison-') && !id.startsWith('permanent-'));
    expect(consumer.outcomes).toEqual({
      handled: expectedHandled.length,
      duplicate: 1,
      ignored: 0,
      'dead-lettered': 3,
    });

    // Every good event's effect exactly once, in the order sent; nothing of the refused ones survived its rollback.
    const rows = await database.query<{ issue_id: string; txid: string }>(
      `SELECT issue_id, txid FROM batch_test.effects ORDER BY seq`,
    );
    expect(rows.map((r) => r.issue_id)).toEqual(expectedHandled);
    // Batched: far fewer transactions than events (each chunk of 25 shares one, a failure splits its chunk).
    expect(new Set(rows.map((r) => r.txid)).size).toBeLessThanOrEqual(12);
    const inbox = await database.query<{ event_id: string }>(
      `SELECT event_id FROM batch_test.inbox WHERE consumer_group = $1`,
      [GROUP],
    );
    const inboxIds = new Set(inbox.map((r) => r.event_id));
    expect(inboxIds.size).toBe(expectedHandled.length);
    for (const [i, id] of issueIds.entries()) expect(inboxIds.has(events[i].id)).toBe(expectedHandled.includes(id));

    // After-commit actions: once per committed event, none for a rolled-back try.
    expect(handler.committed).toEqual(expectedHandled);

    const dead = await eventually('the three refused events dead-lettered', async () => {
      const found = deadLetters.messages.filter((m) => m.headers.dlq_consumer_group === GROUP);
      return found.length === 3 ? found : undefined;
    });
    const byEvent = new Map(dead.map((m) => [m.headers.ce_id, m.headers]));
    expect(byEvent.get(events[10].id)).toMatchObject({
      dlq_reason: 'handler-failed',
      dlq_detail: expect.stringContaining('after 2 attempt(s)'),
    });
    expect(byEvent.get(events[40].id)).toMatchObject({
      dlq_reason: 'handler-failed',
      dlq_detail: expect.stringContaining('after 2 attempt(s)'),
    });
    expect(byEvent.get(events[25].id)).toMatchObject({
      dlq_reason: 'handler-failed',
      dlq_detail: expect.stringContaining('after 1 attempt(s)'),
    });
    // The handler's own words, not Nest's "Internal server error": the error reached the consumer as it was thrown.
    expect(byEvent.get(events[10].id)?.dlq_detail).toContain('poison-10 can never be handled');
    expect(byEvent.get(events[25].id)?.dlq_detail).toContain('permanent-25 is refused for good');
  });

  it('finds the culprit of a failed set-based batch one event at a time, and commits the rest once', async () => {
    // Read by the set-based group from the same topic as the first test (its own offsets, from the start).
    const set = eventConsumerOf(app!, SET_BASED_GROUP);
    const handler = app!.get(SetBasedRecordingHandler);
    await eventually(
      'the set-based group to settle every event',
      async () => Object.values(set.outcomes).reduce((a, b) => a + b, 0) === 61,
      60_000,
    );
    // Permanent and flaky failures are the per-event handler's; this one fails only on the poison issues.
    expect(set.outcomes).toEqual({ handled: 58, duplicate: 1, ignored: 0, 'dead-lettered': 2 });
    const rows = await database.query<{ issue_id: string; txid: string }>(
      `SELECT issue_id, txid FROM batch_test.set_effects`,
    );
    expect(rows.map((r) => r.issue_id).sort()).toEqual(issueIdsSent.filter((id) => !id.startsWith('poison-')).sort());
    expect(handler.batches).toBeGreaterThan(0);
    const dead = await eventually('the poison events dead-lettered by the set-based group', async () => {
      const found = deadLetters.messages.filter((m) => m.headers.dlq_consumer_group === SET_BASED_GROUP);
      return found.length === 2 ? found : undefined;
    });
    expect(dead.map((m) => m.headers.dlq_reason)).toEqual(['handler-failed', 'handler-failed']);
  });

  it('delivers an event larger than a whole fetch may carry, in its place, instead of stalling the partition', async () => {
    const before = eventConsumerOf(app!, GROUP).outcomes.handled;
    const issueIds = ['before-big', 'big', 'after-big'];
    // 100 kB: above CONSUMER_FETCH_MAX_BYTES (64 kB) as well as the partition's 16 kB.
    const events = issueIds.map((issueId) => issueReported(issueId, issueId === 'big' ? 'x'.repeat(100_000) : 'noise'));
    // One send each, so each is a record batch of its own and the big one cannot ride with a small one.
    for (const event of events)
      await producer.send({ topic: config.topicPrefix + Topics.issueEvents.name, messages: [event.message] });
    await eventually(
      'the three events to be handled',
      async () => eventConsumerOf(app!, GROUP).outcomes.handled === before + 3,
      30_000,
    );
    const rows = await database.query<{ issue_id: string }>(
      `SELECT issue_id FROM batch_test.effects WHERE issue_id = ANY($1) ORDER BY seq`,
      [issueIds],
    );
    expect(rows.map((r) => r.issue_id)).toEqual(issueIds);
  });
});
