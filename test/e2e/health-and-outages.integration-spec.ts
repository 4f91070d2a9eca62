import { Client } from 'pg';
import { Subscriptions } from '@gridline/contracts';
import { withAdmin } from '@gridline/kafka-access';
import { eventually, freePort, httpClient } from '@gridline/testing';
import { adminConnection } from '../support/kafka-credentials';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { restartCpuBoundMs, ServiceProcess } from '../support/service-process';
import { as } from '../support/tokens';

/**
 * The restart's CPU is bound by `restartCpuBoundMs` (its comment says why 4 s). The wall-clock bound leaves room for
 * a box running other test files beside this one (a full run once took 5.3 s with 2 s of CPU, waiting for a core).
 * Waiting for the consumer groups, as the old start-up did, is caught apart from any bound: the first readiness probe
 * after the committed report must still find them rejoining.
 */
const HTTP_BOUND_S = 10;

const dispatchGroups = Object.values(Subscriptions)
  .filter((s) => s.service === 'issue-dispatch')
  .map((s) => s.group);

interface Probe {
  readonly at: number;
  readonly live: number;
  readonly ready: number;
  readonly readyBody: any;
}

/** Polls live and ready side by side until ready answers 200; every observation is kept. */
async function probeUntilReady(baseUrl: string, timeoutMs: number): Promise<Probe[]> {
  const probes: Probe[] = [];
  const begin = Date.now();
  while (Date.now() - begin < timeoutMs) {
    const [live, ready] = await Promise.all([fetch(`${baseUrl}/health/live`), fetch(`${baseUrl}/health/ready`)]);
    const probe = { at: Date.now(), live: live.status, ready: ready.status, readyBody: await ready.json() };
    probes.push(probe);
    if (ready.status === 200) return probes;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready within ${timeoutMs} ms; last: ${JSON.stringify(probes.at(-1))}`);
}

/**
 * Readiness, start-up without Kafka and 503 on a dependency outage, on the real broker, PostgreSQL and Redis
 * (ADR 0025). The shared PostgreSQL is never restarted: only this file's own database is closed to connections.
 */
describe('health, fast restarts and dependency outages', () => {
  const tenantId = 'health-district';
  let platform: PlatformUnderTest;
  let admin: string;
  let micro: string;

  const dispatch = () => httpClient(platform.services['issue-dispatch'].baseUrl, admin);
  const report = (key: string) =>
    dispatch().post(
      `/v1/tenants/${tenantId}/issues`,
      { category: 'water-leak', gridId: micro, description: '楼道漏水', reporter: { name: '住户' } },
      { 'Idempotency-Key': key },
    );

  beforeAll(async () => {
    platform = await startPlatform('health', ['grid-registry', 'issue-dispatch']);
    admin = await as.districtAdmin(tenantId);
    const registry = httpClient(platform.services['grid-registry'].baseUrl, admin);
    expect(
      (
        await registry
          .as(await as.cityAdmin())
          .post('/v1/tenants', { tenantId, divisionCode: '410103', name: '二七区' })
      ).status,
    ).toBe(201);
    const street = (
      await registry.post(`/v1/tenants/${tenantId}/grids`, { level: 'street', parentId: null, name: '淮河路街道' })
    ).body.gridId;
    const community = (
      await registry.post(`/v1/tenants/${tenantId}/grids`, { level: 'community', parentId: street, name: '桃源社区' })
    ).body.gridId;
    micro = (
      await registry.post(`/v1/tenants/${tenantId}/grids`, { level: 'micro', parentId: community, name: '47号院' })
    ).body.gridId;
    await eventually(
      'dispatch to know the district',
      async () =>
        (
          await dispatch().put(`/v1/tenants/${tenantId}/categories/water-leak`, {
            name: '漏水',
            ackWithinSeconds: { micro: 600 },
          })
        ).status === 200,
    );
    await eventually(
      'dispatch to know the micro-grid',
      async () => (await report(`warm-up-${Date.now()}`)).status === 201,
    );
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('is live and ready, with every check in the details, once started', async () => {
    const service = platform.services['issue-dispatch'];
    expect((await fetch(`${service.baseUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${service.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    const body: any = await ready.json();
    expect(body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      kafka: { status: 'up', producer: 'connected' },
    });
    expect(Object.keys(body.details.kafka.groups).sort()).toEqual([...dispatchGroups].sort());
    expect(Object.values(body.details.kafka.groups)).toEqual(dispatchGroups.map(() => 'joined'));
    // GET /health stays, as the same check.
    expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
  });

  it('answers HTTP and takes reports within seconds of a restart after SIGKILL, before its groups rejoin, and is ready once they have', async () => {
    const service = platform.services['issue-dispatch'];
    await service.crash();
    const restarted = Date.now();
    await service.start('live');
    const liveAfter = (Date.now() - restarted) / 1000;
    const accepted = await report(`after-crash-${restarted}`);
    const reportAfter = (Date.now() - restarted) / 1000;
    const cpuToReport = service.cpuUsedMs();
    expect(accepted.status).toBe(201);

    const probes = await probeUntilReady(service.baseUrl, 60_000);
    const readyAfter = (probes.at(-1)!.at - restarted) / 1000;
    process.stdout.write(
      `issue-dispatch after SIGKILL: HTTP live ${liveAfter.toFixed(2)} s, report committed ${reportAfter.toFixed(2)} s (${cpuToReport} ms of CPU), ready (groups rejoined) ${readyAfter.toFixed(2)} s after restart\n`,
    );
    expect(cpuToReport).toBeLessThan(restartCpuBoundMs);
    expect(liveAfter).toBeLessThan(HTTP_BOUND_S);
    expect(reportAfter).toBeLessThan(HTTP_BOUND_S);
    // Live never depends on Kafka; ready said no while a group was still joining and yes only when all were in.
    expect(probes.every((p) => p.live === 200)).toBe(true);
    // HTTP and intake did not wait for the groups: the first probe after the committed report still found them rejoining.
    expect(probes.length).toBeGreaterThan(1);
    expect(probes[0].ready).toBe(503);
    for (const unready of probes.slice(0, -1)) {
      expect(unready.ready).toBe(503);
      const kafka = unready.readyBody.details.kafka;
      expect(kafka.status).toBe('down');
      expect(kafka.producer === 'connecting' || Object.values(kafka.groups).some((state) => state !== 'joined')).toBe(
        true,
      );
    }
    expect(Object.values(probes.at(-1)!.readyBody.details.kafka.groups)).toEqual(dispatchGroups.map(() => 'joined'));
    // The broker agrees: each group is stable with exactly the restarted member (the killed one has left).
    const described = await withAdmin(adminConnection(), (kafkaAdmin) =>
      kafkaAdmin.describeGroups(dispatchGroups.map((g) => `${platform.topicPrefix}${g}`)),
    );
    for (const group of described.groups)
      expect({ group: group.groupId, state: group.state, members: group.members.length }).toEqual({
        group: group.groupId,
        state: 'Stable',
        members: 1,
      });
    // The report taken before the groups were back was published by the relay as soon as the producer connected.
    await eventually(
      'the report taken during the restart to be published',
      async () => {
        const [{ waiting }] = await platform.database.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM issue_dispatch.outbox`,
        );
        return waiting === 0;
      },
      30_000,
    );
  });

  it('answers 503 DEPENDENCY_UNAVAILABLE with Retry-After while its database refuses connections, and the same Idempotency-Key then stores one issue', async () => {
    const service = platform.services['issue-dispatch'];
    const key = `outage-${Date.now()}`;
    const before = await platform.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM issue_dispatch.issues`);
    const superuser = new Client({ connectionString: process.env.DATABASE_URL });
    await superuser.connect();
    const [{ own }] = await platform.database.query<{ own: number }>(`SELECT pg_backend_pid() AS own`);
    try {
      await superuser.query(`ALTER DATABASE "${platform.database.name}" WITH ALLOW_CONNECTIONS false`);
      // The test's own connection stays (it checks the outcome); every connection of the service goes.
      await superuser.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> $2`, [
        platform.database.name,
        own,
      ]);

      const refused = await fetch(`${service.baseUrl}/v1/tenants/${tenantId}/issues`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'Idempotency-Key': key },
        body: JSON.stringify({
          category: 'water-leak',
          gridId: micro,
          description: '楼道漏水',
          reporter: { name: '住户' },
        }),
      });
      const body: any = await refused.json();
      expect({ status: refused.status, retryAfter: refused.headers.get('retry-after'), code: body.code }).toEqual({
        status: 503,
        retryAfter: '2',
        code: 'DEPENDENCY_UNAVAILABLE',
      });
      expect(body.message).toMatch(/retry with the same Idempotency-Key/);

      const ready = await fetch(`${service.baseUrl}/health/ready`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as any).details.database.status).toBe('down');
      expect((await fetch(`${service.baseUrl}/health/live`)).status).toBe(200);
    } finally {
      await superuser.query(`ALTER DATABASE "${platform.database.name}" WITH ALLOW_CONNECTIONS true`);
      await superuser.end();
    }
    const retried = await eventually(
      'the retry to be accepted',
      async () => {
        const r = await report(key);
        return r.status === 201 ? r : undefined;
      },
      15_000,
    );
    expect(retried.body.id).toEqual(expect.any(String));
    const again = await report(key);
    expect({ status: again.status, id: again.body.id }).toEqual({ status: 201, id: retried.body.id });
    const after = await platform.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM issue_dispatch.issues`);
    expect(after[0].n - before[0].n).toBe(1);
    await eventually(
      'ready again',
      async () => (await fetch(`${service.baseUrl}/health/ready`)).status === 200,
      15_000,
    );
  });

  it('starts and takes reports with Kafka unreachable, unready until it connects, and stops cleanly', async () => {
    // A second issue-dispatch on the same database whose broker list names a closed port: Kafka is down for it alone.
    const kafkaLess = new ServiceProcess(
      'issue-dispatch',
      await freePort(),
      {
        DATABASE_URL: platform.database.url,
        KAFKA_TOPIC_PREFIX: platform.topicPrefix,
        KAFKA_BROKERS: `127.0.0.1:${await freePort()}`,
        KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT',
        OUTBOX_POLL_MS: '50',
      },
      `health-${platform.topicPrefix.slice(0, -1)}-no-kafka`,
    );
    const started = Date.now();
    await kafkaLess.start('live');
    const liveAfter = (Date.now() - started) / 1000;
    try {
      process.stdout.write(`issue-dispatch with Kafka unreachable: HTTP live ${liveAfter.toFixed(2)} s after start\n`);
      expect(liveAfter).toBeLessThan(HTTP_BOUND_S);
      const client = httpClient(kafkaLess.baseUrl, admin);
      const accepted = await client.post(`/v1/tenants/${tenantId}/issues`, {
        category: 'water-leak',
        gridId: micro,
        description: '无Kafka时上报',
        reporter: { name: '住户' },
      });
      expect(accepted.status).toBe(201);
      // Still unready seconds later: it keeps retrying and says why.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const ready = await fetch(`${kafkaLess.baseUrl}/health/ready`);
      const body: any = await ready.json();
      expect(ready.status).toBe(503);
      expect(body.details.database.status).toBe('up');
      expect(body.details.kafka).toMatchObject({ status: 'down', producer: 'connecting' });
      expect((await fetch(`${kafkaLess.baseUrl}/health/live`)).status).toBe(200);
      // Nothing is lost: the row waits in the outbox, and the replica that reaches Kafka publishes it.
      await eventually(
        'the report to leave the outbox',
        async () => {
          const [{ waiting }] = await platform.database.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM issue_dispatch.outbox`,
          );
          return waiting === 0;
        },
        30_000,
      );
    } finally {
      // SIGTERM while start-up still retries against the absent broker must not hang the shutdown.
      const stopping = Date.now();
      await kafkaLess.stop();
      expect((Date.now() - stopping) / 1000).toBeLessThan(10);
    }
  });
});
