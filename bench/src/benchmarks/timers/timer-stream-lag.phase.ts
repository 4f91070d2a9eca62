import { Client } from 'pg';
import { sleep } from '@gridline/testing';
import { Figure, latencyFigure } from '../../harness/figure';
import { now, percentiles, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { RAW_CLAIM_SQL } from './timer-claim.phase';
import { TimerFireRecorder } from './timer-fire-recorder';
import { seedTimers } from './timer-seeding';

/** Time between seeding the stream and its first deadline, so seeding never shows up as lag. */
const LEAD_MS = 2_000;

export interface TimerStream {
  readonly ratePerSecond: number;
  readonly seconds: number;
}

/** Seeds `rate × seconds` timers coming due one every 1/rate s from LEAD_MS on; returns when the last is due. */
async function seedStream(client: Client, kind: string, stream: TimerStream): Promise<number> {
  const count = stream.ratePerSecond * stream.seconds;
  const firstDue = new Date(Date.now() + LEAD_MS);
  await seedTimers(client, { kind, prefix: 'issue-stream-', count, firstDue, spacingMs: 1000 / stream.ratePerSecond });
  return now() + (firstDue.getTime() - Date.now()) + stream.seconds * 1000;
}

/**
 * The raw baseline: the bare claim statement in a loop with no sleep and no handler, lag computed by
 * PostgreSQL at deletion. It is the floor for "fired after its deadline" on this database.
 */
async function rawLoopLags(client: Client, kind: string, stream: TimerStream): Promise<number[]> {
  const lastDueAt = await seedStream(client, kind, stream);
  const lags: number[] = [];
  const total = stream.ratePerSecond * stream.seconds;
  while (lags.length < total) {
    const { rows } = await client.query<{ lag_ms: number }>(RAW_CLAIM_SQL, [[kind]]);
    for (const row of rows) lags.push(row.lag_ms);
    if (rows.length === 0 && now() > lastDueAt + 60_000)
      throw new Error(`bench: the raw loop fired ${lags.length} of ${total} stream timers`);
  }
  return lags;
}

/**
 * Figure 4 (lag): a steady stream of timers comes due among `pendingTimers` future ones, fired by the running
 * TimerPoller (TIMER_CONCURRENCY claimers, waking at the next deadline); lag = fired − due, as the handler sees
 * it. The same stream, on a kind the poller does not handle, is first cleared by the bare claim loop.
 */
export async function measureTimerStreamLag(
  deps: {
    client: Client;
    kind: string;
    rawKind: string;
    recorder: TimerFireRecorder;
    pendingTimers: number;
    stream: TimerStream;
  },
  progress: Progress,
): Promise<Figure[]> {
  const { client, recorder, stream } = deps;
  const pending = deps.pendingTimers.toLocaleString('en-US');
  const what = `${stream.ratePerSecond}/s coming due for ${stream.seconds} s among ${pending} pending`;
  progress(`timers: ${what}, bare claim loop`);
  const raw = percentiles(await rawLoopLags(client, deps.rawKind, stream));

  progress(`timers: ${what}, TimerPoller`);
  recorder.reset();
  const total = stream.ratePerSecond * stream.seconds;
  const lastDueAt = await seedStream(client, deps.kind, stream);
  await sleep(Math.max(0, lastDueAt - now()));
  await waitUntil(() => recorder.fired >= total, `${total} stream timers to fire`, 60_000, 10);
  const library = percentiles(recorder.lagsMs);
  const late = recorder.lagsMs.filter((lag) => lag > 1000).length;
  progress(
    `timers: ${pending} pending — TimerPoller lag p50 ${library.p50.toFixed(1)} / p99 ${library.p99.toFixed(1)} / max ${library.max.toFixed(1)} ms, ${late} of ${total} later than 1 s; bare loop p99 ${raw.p99.toFixed(1)} ms`,
  );

  const baselineLabel = 'bare DELETE … RETURNING loop, same stream';
  const figure = (stat: 'p50' | 'p99' | 'max') =>
    latencyFigure({
      id: `timers.lag.${deps.pendingTimers}.${stat}`,
      label: `timer lag ${stat}, ${pending} pending`,
      value: library[stat],
      unit: 'ms',
      baseline: raw[stat],
      baselineLabel: `${baselineLabel}, ${stat}`,
    });
  return [figure('p50'), figure('p99'), figure('max')];
}
