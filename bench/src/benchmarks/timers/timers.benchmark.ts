import { Client } from 'pg';
import { DurableTimers, TimerPoller } from '@gridline/scheduling';
import { BenchSettings } from '../../bench-settings';
import { withBenchScope } from '../../harness/bench-scope';
import { Figure } from '../../harness/figure';
import { timed } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { BENCH_TENANT } from '../../harness/sample-events';
import { measureTimerBurst } from './timer-burst.phase';
import { measureTimerClaim } from './timer-claim.phase';
import { TimerFireRecorder } from './timer-fire-recorder';
import { measureTimerLag } from './timer-lag.phase';

const DEADLINE_KIND = 'bench.ack-deadline';
const BURST_KIND = 'bench.burst';
/** Not registered with the poller, so only the raw loop touches these. */
const RAW_BURST_KIND = 'bench.raw-burst';

/**
 * The open issues of a city: far-future deadlines of the same kind the lag timers use, so the poller's claim
 * has to pass over them through the index rather than being spared by the kind filter.
 */
async function insertPendingTimers(client: Client, count: number): Promise<void> {
  await client.query(
    `INSERT INTO durable_timers (tenant_id, kind, aggregate_id, due_at, payload)
     SELECT $1, $2, 'issue-pending-' || g, now() + interval '30 days' + g * interval '1 second', '{"depth":0}'::jsonb
     FROM generate_series(1, $3) g`,
    [BENCH_TENANT, DEADLINE_KIND, count],
  );
  await client.query('ANALYZE durable_timers');
}

/** Figure 4: durable timers with BENCH_TIMERS pending — poll cost, fire lag, and a burst of due timers. */
export function runTimersBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('timers', settings, async (scope) => {
    const app = await scope.boot({ withConsumer: false });
    const client = await scope.sql();
    const poller = app.context.get(TimerPoller);

    progress(`timers: inserting ${settings.pendingTimers} pending timers due in 30+ days`);
    const inserted = await timed(() => insertPendingTimers(client, settings.pendingTimers));
    progress(`timers: inserted in ${(inserted.ms / 1000).toFixed(1)} s`);

    const deadlines = new TimerFireRecorder();
    const burst = new TimerFireRecorder();
    poller.register(DEADLINE_KIND, deadlines.handler);
    poller.register(BURST_KIND, burst.handler);

    const claim = await measureTimerClaim({ client, poller, kinds: [DEADLINE_KIND, BURST_KIND], pendingTimers: settings.pendingTimers }, progress);
    const lag = await measureTimerLag(
      {
        dataSource: app.dataSource,
        timers: app.context.get(DurableTimers),
        kind: DEADLINE_KIND,
        recorder: deadlines,
        count: settings.lagTimers,
        timerPollMs: scope.config.timerPollMs,
      },
      progress,
    );
    const burstFigures = await measureTimerBurst({ client, kind: BURST_KIND, rawKind: RAW_BURST_KIND, recorder: burst, count: settings.burstTimers }, progress);
    return [...claim, ...lag, ...burstFigures];
  });
}
