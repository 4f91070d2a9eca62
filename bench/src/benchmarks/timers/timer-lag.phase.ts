import { DataSource } from 'typeorm';
import { DurableTimers } from '@gridline/scheduling';
import { Figure, latencyFigure } from '../../harness/figure';
import { percentiles, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { BENCH_TENANT, chunks } from '../../harness/sample-events';
import { TimerFireRecorder } from './timer-fire-recorder';

const LEAD_MS = 1_000;
const SPREAD_MS = 5_000;

/**
 * Figure 4 (lag): timers scheduled through DurableTimers, due over the next few seconds, fired by the running
 * poller among all the pending ones. The poll interval is the designed bound (ADR 0005), hence the baseline.
 */
export async function measureTimerLag(
  deps: { dataSource: DataSource; timers: DurableTimers; kind: string; recorder: TimerFireRecorder; count: number; timerPollMs: number },
  progress: Progress,
): Promise<Figure[]> {
  const { dataSource, timers, kind, recorder, count } = deps;
  progress(`timers: ${count} timers due over the next ${(LEAD_MS + SPREAD_MS) / 1000} s, fire lag`);
  const firstDue = Date.now() + LEAD_MS;
  const indices = Array.from({ length: count }, (_, i) => i);
  for (const transaction of chunks(indices, 100)) {
    await dataSource.transaction(async (manager) => {
      for (const i of transaction) {
        const dueAt = new Date(firstDue + (i * SPREAD_MS) / count);
        await timers.schedule(manager, { tenantId: BENCH_TENANT, kind, aggregateId: `issue-lag-${i}`, dueAt });
      }
    });
  }
  if (Date.now() > firstDue) progress(`warning: scheduling took longer than ${LEAD_MS} ms, early timers' lag includes it`);
  await waitUntil(() => recorder.fired >= count, `${count} timers to fire`, LEAD_MS + SPREAD_MS + 60_000, 10);

  const { p50, p99, max } = percentiles(recorder.lagsMs);
  const baselineLabel = 'TIMER_POLL_MS (poller sleep)';
  const figure = (id: string, label: string, value: number) =>
    latencyFigure({ id, label, value, unit: 'ms', baseline: deps.timerPollMs, baselineLabel });
  return [
    figure('timers.lag.p50', 'timer fire lag p50', p50),
    figure('timers.lag.p99', 'timer fire lag p99', p99),
    figure('timers.lag.max', 'timer fire lag max', max),
  ];
}
