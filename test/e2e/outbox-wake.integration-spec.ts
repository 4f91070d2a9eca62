import { GridStateChanged, Topics } from '@gridline/contracts';
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
});
