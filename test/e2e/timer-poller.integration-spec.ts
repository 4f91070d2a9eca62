import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gridline/messaging';
import { DatabaseModule, gridlineMetrics, loadServiceConfig, ServiceConfigModule } from '@gridline/platform';
import {
  createDurableTimerTable,
  DurableTimer,
  SchedulingModule,
  TIMER_BATCH_SIZE,
  TimerPoller,
} from '@gridline/scheduling';
import { eventually } from '@gridline/testing';
import { parsePrometheusText, samplesOf } from '../support/prometheus-text';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SCHEMA = 'timer_test';
const WORKS = 'test.works';
const FAILS_ONCE = 'test.fails-once';
const UNHANDLED = 'test.nobody-handles-this';

/** The timer table as every service gets it, plus a row per firing, so a double firing shows as two rows. */
class TimerTestSchema1764520000000 implements MigrationInterface {
  name = 'TimerTestSchema1764520000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createDurableTimerTable(queryRunner);
    await queryRunner.query(
      `CREATE TABLE "${schemaOf(queryRunner)}".fires (timer_id uuid NOT NULL, replica int NOT NULL, attempts int NOT NULL)`,
    );
  }
  async down(): Promise<void> {}
}

/**
 * The poller itself, in-process against a real PostgreSQL: three "replicas" (application contexts on one
 * database) with three claimers each. The handlers write a row per firing and do not guard against repeats,
 * so only the poller stands between a timer and a second firing.
 */
describe('durable timer poller', () => {
  let database: TestDatabase;
  const replicas: INestApplicationContext[] = [];

  async function bootReplica(index: number): Promise<TimerPoller> {
    const config = loadServiceConfig(
      { serviceName: `timer-test-${index}`, databaseSchema: SCHEMA, portVariable: 'TIMER_TEST_PORT', defaultPort: 1 },
      // No Kafka here, but the configuration of any service names its principal.
      {
        DATABASE_URL: database.url,
        AUTH_PUBLIC_KEY_FILE: __filename,
        TIMER_CONCURRENCY: '3',
        TIMER_POLL_MS: '50',
        LOG_LEVEL: 'error',
        KAFKA_SASL_USERNAME: 'unused',
        KAFKA_SASL_PASSWORD: 'unused',
      },
    );
    @Module({
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({ entities: [DurableTimer], migrations: [TimerTestSchema1764520000000] }),
        SchedulingModule,
      ],
    })
    class TimerTestModule {}
    const context = await NestFactory.createApplicationContext(TimerTestModule, { logger: false });
    replicas.push(context);
    const poller = context.get(TimerPoller);
    const record = async (timer: DurableTimer, manager: EntityManager) =>
      manager.query(`INSERT INTO fires (timer_id, replica, attempts) VALUES ($1, $2, $3)`, [
        timer.id,
        index,
        timer.attempts,
      ]);
    poller.register(WORKS, record);
    poller.register(FAILS_ONCE, async (timer, manager) => {
      await record(timer, manager); // an effect that must be rolled back with the failure
      if (timer.attempts === 0) throw new Error(`boom for ${timer.aggregateId}`);
    });
    await context.init();
    return poller;
  }

  beforeAll(async () => {
    database = await createTestDatabase('timer-poller');
    for (const index of [1, 2, 3]) await bootReplica(index); // one after another: each runs the migrations
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await database?.drop();
  });

  const insertDue = (kind: string, count: number, prefix: string) =>
    database.query(
      `INSERT INTO ${SCHEMA}.durable_timers (tenant_id, kind, aggregate_id, due_at)
       SELECT 't1', $1, $2 || g, now() - interval '1 second' FROM generate_series(1, $3) g`,
      [kind, prefix, count],
    );

  it('fires a backlog of due timers exactly once, shared by every replica and claimer', async () => {
    const count = TIMER_BATCH_SIZE * 40;
    await insertDue(WORKS, count, 'backlog-');
    await eventually(
      'the backlog to be fired',
      async () => {
        const [{ left }] = await database.query<{ left: number }>(
          `SELECT count(*)::int AS left FROM ${SCHEMA}.durable_timers WHERE kind = $1`,
          [WORKS],
        );
        return left === 0;
      },
      60_000,
      100,
    );
    const [fires] = await database.query<{ total: number; distinct: number; replicas: number }>(
      `SELECT count(*)::int AS total, count(DISTINCT timer_id)::int AS distinct, count(DISTINCT replica)::int AS replicas FROM ${SCHEMA}.fires`,
    );
    expect(fires).toEqual({ total: count, distinct: count, replicas: 3 });
  });

  it('rolls back only the failing timer: the rest of its batch commits, it comes back with the error and fires on retry', async () => {
    await database.query(`TRUNCATE ${SCHEMA}.fires`);
    await insertDue(FAILS_ONCE, 5, 'flaky-');
    await insertDue(WORKS, 100, 'steady-');
    const pushedBack = await eventually(
      'the failed timers to be pushed back',
      async () => {
        const rows = await database.query<{
          aggregate_id: string;
          attempts: number;
          last_error: string;
          due_in_s: number;
        }>(
          `SELECT aggregate_id, attempts, last_error, extract(epoch FROM due_at - now())::float AS due_in_s
           FROM ${SCHEMA}.durable_timers WHERE kind = $1 AND attempts = 1 ORDER BY aggregate_id`,
          [FAILS_ONCE],
        );
        return rows.length === 5 ? rows : undefined;
      },
      10_000,
      50,
    );
    expect(pushedBack.map((r) => [r.aggregate_id, r.last_error])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [`flaky-${i}`, `boom for flaky-${i}`]),
    );
    expect(pushedBack.every((r) => r.due_in_s > 1)).toBe(true);
    await eventually(
      'the steady timers to fire',
      async () =>
        (
          await database.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${SCHEMA}.durable_timers WHERE kind = $1`,
            [WORKS],
          )
        )[0].n === 0,
      10_000,
      50,
    );
    // The failed handlers' effect rows went with their savepoints; everyone else's committed.
    const [{ steady, failedEffects }] = await database.query<{ steady: number; failedEffects: number }>(
      `SELECT count(*) FILTER (WHERE timer_id NOT IN (SELECT id FROM ${SCHEMA}.durable_timers))::int AS steady,
              count(*) FILTER (WHERE timer_id IN (SELECT id FROM ${SCHEMA}.durable_timers))::int AS "failedEffects"
         FROM ${SCHEMA}.fires`,
    );
    expect({ steady, failedEffects }).toEqual({ steady: 100, failedEffects: 0 });

    await eventually(
      'the retried timers to fire',
      async () => {
        const [{ left }] = await database.query<{ left: number }>(
          `SELECT count(*)::int AS left FROM ${SCHEMA}.durable_timers WHERE kind = $1`,
          [FAILS_ONCE],
        );
        return left === 0;
      },
      20_000,
      200,
    );
    const retried = await database.query<{ attempts: number }>(
      `SELECT attempts FROM ${SCHEMA}.fires WHERE attempts > 0`,
    );
    expect(retried).toEqual([1, 1, 1, 1, 1].map((attempts) => ({ attempts })));
  });

  it('leaves timers of kinds nobody handles, and timers not yet due, where they are', async () => {
    await insertDue(UNHANDLED, 10, 'orphan-');
    await database.query(
      `INSERT INTO ${SCHEMA}.durable_timers (tenant_id, kind, aggregate_id, due_at) VALUES ('t1', $1, 'tomorrow', now() + interval '1 day')`,
      [WORKS],
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const left = await database.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM ${SCHEMA}.durable_timers GROUP BY kind ORDER BY kind`,
    );
    expect(left).toEqual([
      { kind: UNHANDLED, n: 10 },
      { kind: WORKS, n: 1 },
    ]);
  });

  it('reports pending, due-but-unfired and how late every firing was in its metrics', async () => {
    const samples = parsePrometheusText((await gridlineMetrics.render()).text);
    const value = (name: string) => samplesOf(samples, name)[0]?.value;
    // What the test above left: ten due timers nobody handles and one due tomorrow.
    expect({ pending: value('gridline_timers_pending'), due: value('gridline_timers_due') }).toEqual({
      pending: 11,
      due: 10,
    });
    // One observation per firing attempt: the backlog, the steady timers, and the flaky ones twice.
    expect(value('gridline_timer_lag_seconds_count')).toBe(TIMER_BATCH_SIZE * 40 + 100 + 5 * 2);
    // Inserted already a second overdue, the backlog and first attempts are all over 1 s late; the five retries,
    // pushed back to a deadline the claimers were waiting for, within it.
    expect(samplesOf(samples, 'gridline_timer_lag_seconds_bucket', { le: '1' })[0].value).toBe(5);
  });

  it('opens no transaction while nothing it handles is due, and still fires an overdue timer within the poll interval', async () => {
    // What the tests above left: ten due timers nobody here handles and one due tomorrow, so every claimer is idle.
    const dataSources = replicas.map((replica) => replica.get<DataSource>(getDataSourceToken()));
    const transactions = dataSources.map((dataSource) => jest.spyOn(dataSource, 'transaction'));
    const statements = dataSources.map((dataSource) => jest.spyOn(dataSource, 'query'));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const probes = statements.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
      expect(transactions.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
      // Idle, not stopped: each replica's claimers share one probe per 50 ms interval.
      expect(probes).toBeGreaterThanOrEqual(3 * 5);
      expect(probes).toBeLessThanOrEqual(3 * 25);

      await database.query(`TRUNCATE ${SCHEMA}.fires`);
      await insertDue(WORKS, 1, 'overdue-');
      await eventually(
        'the overdue timer to fire',
        async () => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.fires`))[0].n === 1,
        2_000,
        10,
      );
      expect(transactions.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBeGreaterThanOrEqual(1);
    } finally {
      for (const spy of [...transactions, ...statements]) spy.mockRestore();
    }
  });

  it('finishes the batches in flight on shutdown: every timer has either fired and gone, or is still pending', async () => {
    await database.query(`DELETE FROM ${SCHEMA}.durable_timers; TRUNCATE ${SCHEMA}.fires`);
    await insertDue(WORKS, TIMER_BATCH_SIZE * 100, 'shutdown-');
    await eventually(
      'firing to start',
      async () => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.fires`))[0].n > 0,
      10_000,
      10,
    );
    await Promise.all(replicas.splice(0).map((replica) => replica.close()));
    const [check] = await database.query<{ both: number; fired: number; pending: number }>(
      `SELECT count(*) FILTER (WHERE f.timer_id IS NOT NULL AND t.id IS NOT NULL)::int AS both,
              count(DISTINCT f.timer_id)::int AS fired, count(t.id)::int AS pending
         FROM ${SCHEMA}.fires f FULL JOIN ${SCHEMA}.durable_timers t ON t.id = f.timer_id`,
    );
    expect(check.both).toBe(0);
    expect(check.fired + check.pending).toBe(TIMER_BATCH_SIZE * 100);
    expect(check.pending).toBeGreaterThan(0); // shutdown came mid-backlog, so this checked something
  });
});
