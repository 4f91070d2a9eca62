import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { GridStateChanged, Topics } from '@gridline/contracts';
import { outboxChannelOf } from '@gridline/messaging';
import { eventually, httpClient } from '@gridline/testing';
import { EventRecorder } from '../support/event-recorder';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { as } from '../support/tokens';

/**
 * The outbox relay wakes when a transaction that wrote an event commits (LISTEN/NOTIFY), so an event reaches
 * Kafka as soon as it is committed, not at the relay's next poll. The poll interval here is 10 s: an event that
 * arrives within 2 s, every time, was not found by polling. Losing the listening connection falls back to polling
 * and listening resumes.
 */
describe('the outbox relay wakes on commit', () => {
  const pollMs = 10_000;
  let platform: PlatformUnderTest;
  let recorder: EventRecorder;
  let registry: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    platform = await startPlatform('outbox-wake', ['grid-registry'], { OUTBOX_POLL_MS: String(pollMs) });
    recorder = await new EventRecorder(EventRecorder.kafka()).start([platform.topic(Topics.gridState.name)]);
    expect(
      (
        await httpClient(platform.services['grid-registry'].baseUrl, await as.cityAdmin()).post('/v1/tenants', {
          tenantId: 'erqi',
          divisionCode: '410103',
          name: '二七区',
        })
      ).status,
    ).toBe(201);
    registry = httpClient(platform.services['grid-registry'].baseUrl, await as.districtAdmin('erqi'));
  });

  afterAll(async () => {
    await recorder?.stop();
    await platform?.shutdown();
  });

  /** Creates a street and returns the milliseconds from its 201 until its state event was read from Kafka. */
  async function commitToKafkaMs(name: string, timeoutMs = 30_000): Promise<number> {
    const created = await registry.post('/v1/tenants/erqi/grids', { level: 'street', parentId: null, name });
    expect(created.status).toBe(201);
    const committedAt = Date.now();
    await recorder.waitForEvent(
      `${name}'s state on Kafka`,
      (e) => e.type === GridStateChanged.type && e.subject === created.body.gridId,
      timeoutMs,
    );
    return Date.now() - committedAt;
  }

  it('publishes each committed event within 2 s although the relay polls only every 10 s', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      latencies.push(await commitToKafkaMs(`街道${i}`));
      // Spread over more than one poll interval, at moments unrelated to the relay's polls.
      await new Promise((resolve) => setTimeout(resolve, 300 + i * 170));
    }
    process.stdout.write(`outbox commit → read from Kafka (ms), poll interval ${pollMs} ms: ${latencies.join(', ')}\n`);
    expect(Math.max(...latencies)).toBeLessThan(2_000);
  });

  it('falls back to polling when its listening connection is cut, then listens again', async () => {
    const listening = () =>
      platform.database.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
    const [listener] = await listening();
    expect(listener).toBeDefined();
    await platform.database.query('SELECT pg_terminate_backend($1)', [listener.pid]);

    // Whatever the relay is doing, nothing committed meanwhile is lost: polling or the new listener publishes it.
    expect(await commitToKafkaMs('断线期间的街道', pollMs + 20_000)).toBeLessThan(pollMs + 5_000);
    await eventually(
      'the relay to listen again',
      async () => (await listening()).some((row) => row.pid !== listener.pid),
      15_000,
      200,
    );
    expect(await commitToKafkaMs('重新监听后的街道')).toBeLessThan(2_000);
  }, 90_000);

  it('is woken by the outbox itself: once per committed transaction, never for a rolled-back one', async () => {
    const channel = outboxChannelOf('grid_registry');
    const listener = new Client({ connectionString: platform.database.url });
    const writer = new Client({ connectionString: platform.database.url });
    await Promise.all([listener.connect(), writer.connect()]);
    const heard: Notification[] = [];
    listener.on('notification', (n) => heard.push(n));
    await listener.query(`LISTEN "${channel}"`);
    // A real topic and a type no consumer knows: the relay publishes these rows like any other and nobody acts on them.
    const insertEvent = () =>
      writer.query(
        `INSERT INTO grid_registry.outbox (event_id, tenant_id, topic, message_key, event_type, headers, payload)
         VALUES ($1, 'erqi', $2, 'wake-check', 'gridline.test.wake-check', '{}', '{}')`,
        [randomUUID(), Topics.gridState.name],
      );
    try {
      await writer.query('BEGIN');
      await insertEvent();
      await insertEvent();
      // Nothing before the commit: the relay must not look for rows it cannot see yet.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toHaveLength(0);
      await writer.query('COMMIT');
      await eventually('the commit to be announced', async () => heard.length > 0, 5_000, 50);

      await writer.query('BEGIN');
      await insertEvent();
      await writer.query('ROLLBACK');
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Two inserts in the committed transaction, one announcement; none for the rolled-back one.
      expect(heard.map((n) => n.channel)).toEqual([channel]);
    } finally {
      await Promise.all([listener.end(), writer.end()]);
    }
  });
});
