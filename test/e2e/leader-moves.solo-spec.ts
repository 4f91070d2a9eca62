import { randomUUID } from 'node:crypto';
import { Admin, Partitioners } from 'kafkajs';
import { eventSourceOf, GridStateChanged, toKafkaHeaders, Topics } from '@gridline/contracts';
import { withAdmin } from '@gridline/kafka-access';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { adminConnection } from '../support/kafka-credentials';
import { TestKafkaCluster } from '../support/kafka-cluster';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/** Keys that kafkajs's default partitioner (murmur2, as the relay uses) sends to `partition` of a 3-partition topic. */
function keysFor(partition: number, count: number): string[] {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = [0, 1, 2].map((partitionId) => ({
    partitionId,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [],
    isr: [],
  }));
  const keys: string[] = [];
  while (keys.length < count) {
    const key = randomUUID();
    if (partitioner({ topic: 'any', partitionMetadata, message: { key, value: null } }) === partition) keys.push(key);
  }
  return keys;
}

async function leadersOf(admin: Admin, topic: string): Promise<Map<number, number>> {
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  return new Map(topics[0].partitions.map((p) => [p.partitionId, p.leader]));
}

/**
 * A partition's leader moves while the relay's producer still has the old metadata (ADR 0035). kafkajs 2.2.4 then
 * resolves the send having written nothing to that partition: the old leader answers "not leader", and the retry
 * skips the new leader because it already answered for its own partitions. The relay used to delete those rows as
 * published, and the events were gone. Here the move is made on purpose, on a 3-broker cluster: a reassignment takes
 * the leader out of the partition's replicas while it stays up, and hands the partition to a broker that leads
 * another partition the same batch writes to.
 */
describe('publishing while a partition leader moves', () => {
  // Brokers on 19481–19483: away from the test broker and the other clusters (19401–, 19441–, 19461–).
  const cluster = new TestKafkaCluster(19480);
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;

  beforeAll(async () => {
    await cluster.start();
    platform = await startPlatform('leader-moves', ['grid-registry'], { KAFKA_TOPIC_PARTITIONS: '3' });
  }, 300_000);

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
    await cluster.stop();
  });

  it('publishes every event of a batch whose partition changed leader after the producer last looked', async () => {
    const topic = platform.topic(Topics.gridState.name);
    const registry = httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin());
    expect(
      (await registry.post('/v1/tenants', { tenantId: 'erqi', divisionCode: '410103', name: '二七区' })).status,
    ).toBe(201);
    const street = await registry
      .as(await as.districtAdmin('erqi'))
      .post('/v1/tenants/erqi/grids', { level: 'street', parentId: null, name: '淮河路街道' });
    expect(street.status).toBe(201);
    // Published: the relay's producer now holds this topic's leaders in its metadata (kafkajs keeps it for 5 minutes).
    await eventually(
      'the street to leave the outbox',
      async () =>
        (await platform.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM grid_registry.outbox`))[0].n ===
        0,
    );

    // Move one partition to a broker that leads another one: the stale metadata sends it to its old leader.
    const { moved, to, other } = await withAdmin(adminConnection(), async (admin) => {
      const leaders = await leadersOf(admin, topic);
      const choice = [...leaders].flatMap(([partition, leader]) =>
        [...leaders]
          .filter(([p, l]) => p !== partition && l !== leader)
          .map(([p, l]) => ({ moved: partition, from: leader, to: l, other: p })),
      )[0];
      if (!choice)
        throw new Error(
          `every partition of ${topic} has the same leader (${JSON.stringify([...leaders])}); nothing to move between`,
        );
      const replicas = [choice.to, ...cluster.brokerIds.filter((id) => id !== choice.to && id !== choice.from)];
      await admin.alterPartitionReassignments({
        topics: [{ topic, partitionAssignment: [{ partition: choice.moved, replicas }] }],
      });
      await eventually(
        `partition ${choice.moved} to be led by broker ${choice.to}`,
        async () => (await leadersOf(admin, topic)).get(choice.moved) === choice.to,
        60_000,
        200,
      );
      return choice;
    });

    // One statement, so the relay reads them as one batch: ten events for the moved partition, ten for the other.
    const keys = [...keysFor(moved, 10), ...keysFor(other, 10)];
    const ids = keys.map(() => randomUUID());
    const time = new Date().toISOString();
    const headers = ids.map((id, i) =>
      toKafkaHeaders({
        specversion: '1.0',
        id,
        source: eventSourceOf('grid-registry'),
        type: GridStateChanged.type,
        time,
        subject: keys[i],
        datacontenttype: 'application/json',
        tenantid: 'erqi',
        correlationid: `leader-moves-${i}`,
        causationid: null,
      }),
    );
    await platform.database.query(
      `INSERT INTO grid_registry.outbox (event_id, tenant_id, topic, message_key, event_type, headers, payload)
       SELECT id, 'erqi', $1, key, $2, h, '{}'::jsonb FROM unnest($3::uuid[], $4::text[], $5::jsonb[]) AS e(id, key, h)`,
      [Topics.gridState.name, GridStateChanged.type, ids, keys, headers.map((h) => JSON.stringify(h))],
    );

    recorder = await new EventRecorder(EventRecorder.kafka()).start([topic]);
    const readIds = () => new Set(recorder.messages.map((m) => m.headers.ce_id));
    const missing = () => ids.filter((id) => !readIds().has(id)).map((id) => (ids.indexOf(id) < 10 ? moved : other));
    await eventually(
      `all ${ids.length} events on ${topic} (partition ${moved}, now led by ${to}, and ${other})`,
      async () => missing().length === 0,
      60_000,
      200,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}; missing in partitions: ${JSON.stringify(missing())}`);
    });
    await eventually(
      'the outbox to be empty',
      async () =>
        (await platform.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM grid_registry.outbox`))[0].n ===
        0,
    );
    // Each in the partition its key names, so per-key order holds across the retry.
    for (const [i, id] of ids.entries()) {
      expect(new Set(recorder.messages.filter((m) => m.headers.ce_id === id).map((m) => m.partition))).toEqual(
        new Set([i < 10 ? moved : other]),
      );
    }
  }, 240_000);
});
