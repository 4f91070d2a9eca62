import { Client } from 'pg';
import { TIMER_BATCH_SIZE, TimerPoller } from '@gridline/scheduling';
import { Figure, latencyFigure } from '../../harness/figure';
import { now, percentiles, timed } from '../../harness/measure';
import { Progress } from '../../harness/progress';

const SAMPLES = 300;

/**
 * The claim TimerPoller issues, written by hand: delete the oldest due timers of the given kinds, skipping rows
 * another claimer holds, and return them. Used bare (autocommit, no handler) it is the raw baseline.
 */
export const RAW_CLAIM_SQL = `DELETE FROM durable_timers WHERE id = ANY(ARRAY(
    SELECT id FROM durable_timers WHERE due_at <= now() AND kind = ANY($1)
     ORDER BY due_at LIMIT ${TIMER_BATCH_SIZE} FOR UPDATE SKIP LOCKED))
  RETURNING (extract(epoch FROM clock_timestamp() - due_at) * 1000)::float8 AS lag_ms`;

/** The claim must find due timers through the (due_at) index, never by scanning every pending timer. */
async function expectIndexScan(client: Client, kinds: readonly string[], progress: Progress): Promise<void> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${RAW_CLAIM_SQL}`, [kinds]);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  const scan = /Index Scan using durable_timers_due on durable_timers/.exec(plan);
  if (!scan || /Seq Scan/.test(plan))
    throw new Error(`bench: the timer claim does not use the (due_at) index:\n${plan}`);
  progress(`timers: claim plan uses ${scan[0]}`);
}

/**
 * Figure 4 (poll cost): one poll when nothing is due yet, with every pending timer in the table. This is what
 * each claimer pays at least every TIMER_POLL_MS forever, so it must stay an index probe however many wait.
 */
export async function measureTimerClaim(
  deps: { client: Client; poller: TimerPoller; kinds: readonly string[]; pendingTimers: number },
  progress: Progress,
): Promise<Figure[]> {
  const { client, poller } = deps;
  const pending = deps.pendingTimers.toLocaleString('en-US');
  progress(`timers: claim with nothing due, ${pending} pending, raw vs TimerPoller.fireDue (${SAMPLES} each)`);
  const raw: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const { ms } = await timed(async () => {
      await client.query('BEGIN');
      await client.query(RAW_CLAIM_SQL, [deps.kinds]);
      await client.query('COMMIT');
    });
    raw.push(ms);
  }
  const library: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = now();
    const fired = await poller.fireDue();
    library.push(now() - started);
    if (fired !== 0) throw new Error('bench: a timer was due during the empty-poll measurement');
  }
  await expectIndexScan(client, deps.kinds, progress);
  return [
    latencyFigure({
      id: `timers.empty-poll.${deps.pendingTimers}.p50`,
      label: `timer poll, none due (${pending} pending) p50`,
      value: percentiles(library).p50,
      unit: 'ms',
      baseline: percentiles(raw).p50,
      baselineLabel: 'raw claim SQL in a pg tx, p50',
    }),
  ];
}
