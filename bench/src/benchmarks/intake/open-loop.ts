import { sleep } from '@gridline/testing';
import { now } from '../../harness/measure';

/**
 * Starts `work(i)` at a steady `ratePerSecond` for `seconds`, each on schedule against the start (not after
 * the previous one finished, so a slow answer does not lower the rate), and waits for all of them. `work`
 * gets its index and its start time on the monotonic clock.
 */
export async function openLoop(
  ratePerSecond: number,
  seconds: number,
  work: (i: number, startedAt: number) => Promise<void>,
): Promise<void> {
  const total = ratePerSecond * seconds;
  const interval = 1000 / ratePerSecond;
  const started = now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + i * interval;
    if (now() < due) await sleep(due - now());
    inFlight.push(work(i, now()));
  }
  await Promise.all(inFlight);
}
