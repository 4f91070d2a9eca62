import { Client } from 'pg';
import { Figure, throughputFigure } from '../../harness/figure';
import { now, perSecond, timed, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { RAW_CLAIM_SQL } from './timer-claim.phase';
import { TimerFireRecorder } from './timer-fire-recorder';
import { seedTimers } from './timer-seeding';

/** The bare claim statement in a loop, autocommit, no handler: the most a claim loop could clear. */
async function fireAllRaw(client: Client, kind: string): Promise<number> {
  let fired = 0;
  for (;;) {
    const { rowCount } = await client.query(RAW_CLAIM_SQL, [[kind]]);
    if (!rowCount) return fired;
    fired += rowCount;
  }
}

/** Figure 4 (burst): how fast a backlog of due timers clears, e.g. after an outage or a mass deadline. */
export async function measureTimerBurst(
  deps: { client: Client; kind: string; rawKind: string; recorder: TimerFireRecorder; count: number },
  progress: Progress,
): Promise<Figure[]> {
  const { client, kind, rawKind, recorder, count } = deps;
  const due = (k: string) =>
    seedTimers(client, { kind: k, prefix: 'issue-burst-', count, firstDue: new Date(Date.now() - 1000), spacingMs: 0 });
  progress(`timers: ${count} due at once, bare DELETE … RETURNING claim loop`);
  await due(rawKind);
  const raw = await timed(() => fireAllRaw(client, rawKind));
  if (raw.result !== count) throw new Error(`bench: raw loop fired ${raw.result} of ${count} timers`);

  progress(`timers: ${count} due at once, TimerPoller`);
  await due(kind);
  const committedAt = now();
  await waitUntil(() => recorder.fired >= count, `${count} due timers to fire`, 300_000, 10);
  // Rate from first to last fire, like the raw loop that starts at once; the poll wait shows in the clear time.
  const libraryMs = recorder.lastFireAt! - recorder.firstFireAt!;
  progress(
    `timers: burst cleared ${((recorder.lastFireAt! - committedAt) / 1000).toFixed(1)} s after commit (raw loop: ${(raw.ms / 1000).toFixed(1)} s)`,
  );
  return [
    throughputFigure({
      id: 'timers.burst',
      label: `timer burst (${count} due at once)`,
      value: perSecond(count, libraryMs),
      unit: 'fires/s',
      baseline: perSecond(count, raw.ms),
      baselineLabel: 'bare DELETE … RETURNING claim loop',
    }),
  ];
}
