import { Client } from 'pg';
import { TimerPoller } from '@gridline/scheduling';
import { Figure, latencyFigure } from '../../harness/figure';
import { now, percentiles, timed } from '../../harness/measure';
import { Progress } from '../../harness/progress';

const SAMPLES = 300;

/** The claim TimerPoller issues, written by hand: due, of a handled kind, oldest first, skipping claimed rows. */
export const RAW_CLAIM_SQL = `SELECT * FROM durable_timers WHERE due_at <= now() AND kind = ANY($1)
  ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED`;

/**
 * Figure 4 (poll cost): one poll when nothing is due yet, with every pending timer in the table. This is what
 * each replica pays every TIMER_POLL_MS forever, so it must stay an index probe however many timers wait.
 */
export async function measureTimerClaim(
  deps: { client: Client; poller: TimerPoller; kinds: readonly string[]; pendingTimers: number },
  progress: Progress,
): Promise<Figure[]> {
  const { client, poller } = deps;
  progress(`timers: claim query with nothing due, ${deps.pendingTimers} pending, raw vs TimerPoller.fireDue (${SAMPLES} each)`);
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
  return [
    latencyFigure({
      id: 'timers.empty-poll.p50',
      label: `timer poll, none due (${deps.pendingTimers} pending) p50`,
      value: percentiles(library).p50,
      unit: 'ms',
      baseline: percentiles(raw).p50,
      baselineLabel: 'raw claim SQL in a pg tx, p50',
    }),
  ];
}
