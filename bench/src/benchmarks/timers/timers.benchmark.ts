import { TimerPoller } from '@gridline/scheduling';
import { BenchSettings } from '../../bench-settings';
import { withBenchScope } from '../../harness/bench-scope';
import { Figure } from '../../harness/figure';
import { timed } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { measureTimerBurst } from './timer-burst.phase';
import { measureTimerClaim } from './timer-claim.phase';
import { TimerFireRecorder } from './timer-fire-recorder';
import { seedTimers } from './timer-seeding';
import { measureTimerStreamLag } from './timer-stream-lag.phase';

const DEADLINE_KIND = 'bench.ack-deadline';
const BURST_KIND = 'bench.burst';
/** Not registered with the poller, so only the raw loops touch these. */
const RAW_KIND = 'bench.raw';
const THIRTY_DAYS_MS = 30 * 86_400_000;

/**
 * Durable timers with BENCH_TIMERS and then BENCH_TIMERS_LARGE pending (open cases' deadlines, due in 30+ days
 * and spread one a second, of the same kind the stream uses, so the claim has to pass them in the index):
 * poll cost and fire lag of a steady stream at each size, and a burst of due timers.
 */
export function runTimersBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('timers', settings, async (scope) => {
    const app = await scope.boot({ withConsumer: false });
    const client = await scope.sql();
    const poller = app.context.get(TimerPoller);
    const deadlines = new TimerFireRecorder();
    const burst = new TimerFireRecorder();
    poller.register(DEADLINE_KIND, deadlines.handler);
    poller.register(BURST_KIND, burst.handler);

    let pending = 0;
    const growTo = async (size: number) => {
      progress(
        `timers: ${pending > 0 ? 'topping up' : 'inserting'} to ${size.toLocaleString('en-US')} pending timers due in 30+ days`,
      );
      const firstDue = new Date(Date.now() + THIRTY_DAYS_MS);
      const seeded = await timed(async () => {
        await seedTimers(client, {
          kind: DEADLINE_KIND,
          prefix: 'issue-pending-',
          count: size - pending,
          firstDue,
          spacingMs: 1000,
          firstIndex: pending + 1,
        });
        await client.query('ANALYZE durable_timers');
      });
      progress(
        `timers: ${(size - pending).toLocaleString('en-US')} inserted and analysed in ${(seeded.ms / 1000).toFixed(1)} s`,
      );
      pending = size;
    };
    const atSize = async () => [
      ...(await measureTimerClaim(
        { client, poller, kinds: [DEADLINE_KIND, BURST_KIND], pendingTimers: pending },
        progress,
      )),
      ...(await measureTimerStreamLag(
        {
          client,
          kind: DEADLINE_KIND,
          rawKind: RAW_KIND,
          recorder: deadlines,
          pendingTimers: pending,
          stream: settings.timerStream,
        },
        progress,
      )),
    ];

    await growTo(settings.pendingTimers);
    const figures = await atSize();
    figures.push(
      ...(await measureTimerBurst(
        { client, kind: BURST_KIND, rawKind: RAW_KIND, recorder: burst, count: settings.burstTimers },
        progress,
      )),
    );
    if (settings.largePendingTimers > settings.pendingTimers) {
      await growTo(settings.largePendingTimers);
      figures.push(...(await atSize()));
    }
    return figures;
  });
}
