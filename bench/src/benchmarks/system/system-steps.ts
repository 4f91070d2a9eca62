import { sleep } from '@gridline/testing';
import { ConsumerLagMonitor, LagSample } from '../../harness/group-lag';
import { jsonPost } from '../../harness/http-load';
import { KeepAlivePool } from '../../harness/keep-alive-pool';
import { now, percentiles } from '../../harness/measure';
import { cpuSecondsByCommand, cpuSecondsOf, machineBusyCpuSeconds, rssMbOf } from '../../harness/proc-stats';
import { BENCH_TENANT } from '../../harness/sample-events';
import { BenchServiceProcess } from '../../harness/service-process';
import { openLoop } from '../intake/open-loop';
import { categoryOf, reportBody, SystemDistrict } from './system-district';

/** A step holds only if every group's lag stays under this, and drains to nothing within it after the step. */
export const LAG_LIMIT_MS = 2_000;
export const SAMPLE_INTERVAL_MS = 500;
/** The other processes whose CPU time is shown per step: PostgreSQL's backends and the Kafka broker. */
const NEIGHBOURS = ['postgres', 'java'] as const;

export interface StepResult {
  readonly rate: number;
  readonly offered: number;
  readonly accepted: number;
  readonly helpAccepted: number;
  readonly refused: ReadonlyMap<number, number>;
  /** Accepted reports ÷ the time from the step's first send to its last answer. */
  readonly achievedPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** How long after the scheduled end of the step the last answer came. */
  readonly lastAnswerLateMs: number;
  /** Per group: the largest lag (time) seen during the step, and in messages. */
  readonly maxLag: ReadonlyMap<string, { ms: number; messages: number }>;
  /** From the step's scheduled end until every group had caught up; null when it did not within 30 s. */
  readonly drainMs: number | null;
  /** Per service: the largest resident set sampled during the step. */
  readonly peakRssMb: ReadonlyMap<string, number>;
  /**
   * Per process (services, PostgreSQL, the broker, the bench): CPU time ÷ wall time of the step, 1.0 = one core; also
   * `machine` (every process, of all cores) and `others` (what the rest of the machine used meanwhile).
   */
  readonly cpuCores: ReadonlyMap<string, number>;
  readonly holds: boolean;
  /** Why it does not hold, in a few words each. */
  readonly failures: readonly string[];
}

/** Drives the steady steps through issue-dispatch and watches the whole system while they run. */
export class SystemLoad {
  private nextIndex = 0;
  private readonly rss = new Map<string, Array<[number, number]>>();

  constructor(
    private readonly pool: KeepAlivePool,
    private readonly district: SystemDistrict,
    private readonly monitor: ConsumerLagMonitor,
    private readonly services: readonly BenchServiceProcess[],
  ) {}

  /** Starts sampling lag every SAMPLE_INTERVAL_MS, and each service's resident set with it. */
  startSampling(): void {
    this.monitor.start(SAMPLE_INTERVAL_MS, (at) => {
      for (const service of this.services) {
        const mb = rssMbOf(service.pid);
        if (mb !== null) this.rss.set(service.app, [...(this.rss.get(service.app) ?? []), [at, mb]]);
      }
    });
  }

  /** `rate` reports/s for `seconds`, open loop, then waits for every consumer group to catch up. */
  async step(rate: number, seconds: number): Promise<StepResult> {
    const cpuBefore = this.cpuReading();
    const latencies: number[] = [];
    const refused = new Map<number, number>();
    let helpAccepted = 0;
    let lastAnswer = 0;
    const started = now();
    const scheduledEnd = started + seconds * 1000;
    await openLoop(rate, seconds, async (_, startedAt) => {
      const index = this.nextIndex++;
      const courtyard = index % this.district.addresses.length;
      const category = categoryOf(index);
      const request = jsonPost(
        this.pool.host,
        `/v1/tenants/${BENCH_TENANT}/issues`,
        reportBody(this.district.addresses[courtyard], category.code, index),
        { authorization: `Bearer ${this.district.residentTokens[courtyard]}` },
      );
      const status = await this.pool.send(request).catch(() => 0);
      lastAnswer = now();
      if (status !== 201) {
        refused.set(status, (refused.get(status) ?? 0) + 1);
        return;
      }
      // Latency from the scheduled send: time queued for a free connection counts.
      latencies.push(lastAnswer - startedAt);
      if (category.needsHelp) helpAccepted += 1;
    });
    const caughtUp = await this.monitor.caughtUp(Math.max(scheduledEnd, lastAnswer), 30_000);
    const ended = caughtUp?.at ?? now();
    const cpuAfter = this.cpuReading();
    const during = this.monitor.between(started, scheduledEnd + SAMPLE_INTERVAL_MS);
    const maxLag = maxLagOf(
      during,
      this.monitor.groups.map((group) => group.name),
    );
    const peakRssMb = new Map(
      this.services.map((service) => [
        service.app,
        Math.max(
          0,
          ...(this.rss.get(service.app) ?? []).filter(([at]) => at >= started && at <= ended).map(([, mb]) => mb),
        ),
      ]),
    );
    const cpuCores = coresBetween(cpuBefore, cpuAfter, (ended - started) / 1000);

    const offered = rate * seconds;
    const accepted = latencies.length;
    const { p50, p99 } = accepted > 0 ? percentiles(latencies) : { p50: NaN, p99: NaN };
    const lastAnswerLateMs = lastAnswer - scheduledEnd;
    const drainMs = caughtUp ? caughtUp.at - scheduledEnd : null;
    const failures: string[] = [];
    if (accepted < offered)
      failures.push(
        `${offered - accepted} reports not accepted (${[...refused].map(([s, n]) => `${n}×${s || 'error'}`).join(', ')})`,
      );
    if (lastAnswerLateMs > LAG_LIMIT_MS)
      failures.push(`last 201 came ${(lastAnswerLateMs / 1000).toFixed(1)} s after the step (intake fell behind)`);
    for (const [group, lag] of maxLag)
      if (lag.ms >= LAG_LIMIT_MS) failures.push(`${group} lag ${(lag.ms / 1000).toFixed(1)} s`);
    if (drainMs === null || drainMs > LAG_LIMIT_MS)
      failures.push(`lag drained ${drainMs === null ? 'not within 30 s' : `after ${(drainMs / 1000).toFixed(1)} s`}`);
    return {
      rate,
      offered,
      accepted,
      helpAccepted,
      refused,
      achievedPerSecond: accepted / ((lastAnswer - started) / 1000),
      p50Ms: p50,
      p99Ms: p99,
      lastAnswerLateMs,
      maxLag,
      drainMs,
      peakRssMb,
      cpuCores,
      holds: failures.length === 0,
      failures,
    };
  }

  /** CPU per process (as in a step's `cpuCores`) with no reports coming in: what the system costs at rest. */
  async idleCpu(seconds: number): Promise<Map<string, number>> {
    const before = this.cpuReading();
    const started = now();
    await sleep(seconds * 1000);
    return coresBetween(before, this.cpuReading(), (now() - started) / 1000);
  }

  /** Closes the connections to issue-dispatch; the sampling goes on until the monitor stops. */
  close(): void {
    this.pool.close();
  }

  private cpuReading(): Map<string, number> {
    const reading = new Map<string, number>();
    for (const service of this.services) reading.set(service.app, cpuSecondsOf(service.pid) ?? 0);
    for (const [command, seconds] of cpuSecondsByCommand(NEIGHBOURS))
      reading.set(command === 'java' ? 'kafka' : command, seconds);
    const own = process.cpuUsage();
    reading.set('bench', (own.user + own.system) / 1e6);
    reading.set('machine', machineBusyCpuSeconds() ?? 0);
    return reading;
  }
}

/** CPU seconds used between two readings ÷ wall seconds, per process; `others` is the machine's busy time not ours. */
function coresBetween(
  before: Map<string, number>,
  after: Map<string, number>,
  wallSeconds: number,
): Map<string, number> {
  const cores = new Map([...after].map(([name, seconds]) => [name, (seconds - (before.get(name) ?? 0)) / wallSeconds]));
  const ours = [...cores].filter(([name]) => name !== 'machine').reduce((sum, [, used]) => sum + used, 0);
  cores.set('others', Math.max(0, (cores.get('machine') ?? 0) - ours));
  return cores;
}

function maxLagOf(
  samples: readonly LagSample[],
  groups: readonly string[],
): Map<string, { ms: number; messages: number }> {
  const max = new Map(groups.map((group) => [group, { ms: 0, messages: 0 }]));
  for (const sample of samples) {
    for (const [group, lag] of sample.groups) {
      const seen = max.get(group)!;
      max.set(group, { ms: Math.max(seen.ms, lag.ms), messages: Math.max(seen.messages, lag.messages) });
    }
  }
  return max;
}
