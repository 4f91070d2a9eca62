import { Client } from 'pg';
import { Figure, throughputFigure } from '../../harness/figure';
import { now, perSecond, timed, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { BENCH_TENANT } from '../../harness/sample-events';
import { RAW_CLAIM_SQL } from './timer-claim.phase';
import { TimerFireRecorder } from './timer-fire-recorder';

/** Timers already due when they commit, inserted in one statement: the "all due at once" case. */
async function insertDueTimers(client: Client, kind: string, count: number): Promise<void> {
  await client.query(
    `INSERT INTO durable_timers (tenant_id, kind, aggregate_id, due_at)
     SELECT $1, $2, 'issue-burst-' || g, now() - interval '1 second' FROM generate_series(1, $3) g`,
    [BENCH_TENANT, kind, count],
  );
}

/**
 * The poller's work per batch without TypeORM or the poll loop: claim 100, then per timer a savepoint, the
 * (empty) handler and the delete — the same statements, so the ratio is the library's own overhead.
 */
async function fireAllRaw(client: Client, kind: string): Promise<number> {
  let fired = 0;
  for (;;) {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; due_at: Date }>(RAW_CLAIM_SQL, [[kind]]);
    for (const timer of rows) {
      await client.query('SAVEPOINT timer_fire');
      await client.query('DELETE FROM durable_timers WHERE id = $1', [timer.id]);
      await client.query('RELEASE SAVEPOINT timer_fire');
    }
    await client.query('COMMIT');
    fired += rows.length;
    if (rows.length === 0) return fired;
  }
}

/** Figure 4 (burst): how fast a backlog of due timers clears, e.g. after an outage or a mass deadline. */
export async function measureTimerBurst(
  deps: { client: Client; kind: string; rawKind: string; recorder: TimerFireRecorder; count: number },
  progress: Progress,
): Promise<Figure[]> {
  const { client, kind, rawKind, recorder, count } = deps;
  progress(`timers: ${count} due at once, raw claim + savepoint + delete loop`);
  await insertDueTimers(client, rawKind, count);
  const raw = await timed(() => fireAllRaw(client, rawKind));
  if (raw.result !== count) throw new Error(`bench: raw loop fired ${raw.result} of ${count} timers`);

  progress(`timers: ${count} due at once, TimerPoller`);
  await insertDueTimers(client, kind, count);
  const committedAt = now();
  await waitUntil(() => recorder.fired >= count, `${count} due timers to fire`, 300_000, 10);
  // Rate from first to last fire, like the raw loop that starts at once; the poll wait shows in the clear time.
  const libraryMs = recorder.lastFireAt! - recorder.firstFireAt!;
  progress(`timers: burst cleared ${((recorder.lastFireAt! - committedAt) / 1000).toFixed(1)} s after commit (raw loop: ${(raw.ms / 1000).toFixed(1)} s)`);
  return [
    throughputFigure({
      id: 'timers.burst',
      label: `timer burst (${count} due at once)`,
      value: perSecond(count, libraryMs),
      unit: 'fires/s',
      baseline: perSecond(count, raw.ms),
      baselineLabel: 'raw claim + savepoint + delete loop',
    }),
  ];
}
