import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { freePort, sleep } from '@gridline/testing';
import { BenchSettings } from '../../bench-settings';
import { withBenchScope } from '../../harness/bench-scope';
import { benchPublicKeyFile } from '../../harness/dev-auth';
import { Figure, throughputFigure } from '../../harness/figure';
import { ConsumerLagMonitor } from '../../harness/group-lag';
import { KeepAlivePool } from '../../harness/keep-alive-pool';
import { now } from '../../harness/measure';
import { gatherTableStatistics } from '../../harness/table-statistics';
import { Progress } from '../../harness/progress';
import { BenchServiceProcess } from '../../harness/service-process';
import { writeReportsRaw } from '../intake/intake-rate.phase';
import { createRawTables, readReportRows } from '../intake/raw-report-writes';
import { checkWork, countWork, WorkCounts } from './system-checks';
import { setUpSystemDistrict } from './system-district';
import { LAG_LIMIT_MS, StepResult, SystemLoad } from './system-steps';

/** Compiled to dist/bench/src/benchmarks/system/; the repository root is five levels up. */
const repositoryRoot = path.resolve(__dirname, '../../../../..');
const RAW_BASELINE_REPORTS = 3_000;
const RSS_LIMIT_MB = 200;
const IDLE_SECONDS = 5;

type App = 'grid-registry' | 'issue-dispatch' | 'volunteer-coordination' | 'analytics';

const cores = availableParallelism();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** Group names without their service, for short lines: `issue-matching` for volunteer-coordination.issue-matching. */
const shortGroup = (group: string) => group.replace(/^(issue-dispatch|volunteer-coordination|analytics)\./, '$1:');

/** CPU per process as a line, busiest first, without the machine totals. */
function cpuLine(cpuCores: ReadonlyMap<string, number>, format: (name: string, cores: number) => string): string {
  return [...cpuCores]
    .filter(([name]) => name !== 'machine' && name !== 'others')
    .sort(([, a], [, b]) => b - a)
    .map(([name, cores]) => format(name, cores))
    .join(', ');
}

function describeStep(step: StepResult, idle: ReadonlyMap<string, number>): string[] {
  const lags = [...step.maxLag]
    .map(([group, lag]) => `${shortGroup(group)} ${seconds(lag.ms)} (${lag.messages} msgs)`)
    .join(', ');
  const rss = [...step.peakRssMb].map(([app, mb]) => `${app} ${mb}`).join(', ');
  const cpu = cpuLine(step.cpuCores, (name, cores) => `${name} ${cores.toFixed(2)}`);
  // What each report costs each process beyond its CPU at rest, in ms of CPU.
  const perReport = cpuLine(
    new Map([...step.cpuCores].map(([name, cores]) => [name, Math.max(0, cores - (idle.get(name) ?? 0))])),
    (name, cores) => `${name} ${((cores * 1000) / step.achievedPerSecond).toFixed(1)}`,
  );
  return [
    `system: ${step.rate}/s offered for ${step.offered} reports → ${step.achievedPerSecond.toFixed(1)}/s 201, ` +
      `p50 ${step.p50Ms.toFixed(1)} / p99 ${step.p99Ms.toFixed(1)} ms, ${step.helpAccepted} needing a volunteer; ` +
      `drained ${step.drainMs === null ? 'not within 30 s' : `${seconds(step.drainMs)} after the step`} — ` +
      (step.holds ? 'holds' : `does not hold: ${step.failures.join('; ')}`),
    `system:   max lag per group: ${lags}`,
    `system:   peak RSS (MB): ${rss}`,
    `system:   CPU (cores): ${cpu}; machine busy ${(step.cpuCores.get('machine') ?? 0).toFixed(2)} of ${cores}, ` +
      `of which other processes ${(step.cpuCores.get('others') ?? 0).toFixed(2)}`,
    `system:   CPU ms per accepted report above rest: ${perReport}`,
  ];
}

/** Polls the databases until the run's work is all there (outboxes relayed, consumers done), or gives up. */
async function awaitWork(
  read: () => Promise<WorkCounts>,
  before: WorkCounts,
  sent: { accepted: number; helpAccepted: number },
  timeoutMs: number,
): Promise<{ counts: WorkCounts; mismatches: string[] }> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const counts = await read();
    const mismatches = checkWork(before, counts, sent);
    if (mismatches.length === 0 || now() > deadline) return { counts, mismatches };
    await sleep(500);
  }
}

/**
 * The whole system at rising steady report rates: all four services as processes from dist/ (as `npm start` runs
 * them), a district shaped like the demo's made through their APIs, resident reports by registered address offered
 * open loop to issue-dispatch with at most BENCH_SYSTEM_CONCURRENCY in flight. A third of the reports are in a
 * category that needs a volunteer: IssueDispatched → volunteer-coordination offers the task (TaskOffered) →
 * issue-dispatch writes it into the issue's history (volunteer-history group) → analytics folds both streams into
 * its facts. Each step holds when every report got its 201 in time and every consumer group's lag stayed under 2 s
 * and drained within 2 s; the figure is the highest rate that held, against the intake benchmark's raw-pg baseline
 * (the same report rows, one transaction per report) measured afterwards in the same scope. The databases are
 * checked at the end: every report must have gone all the way.
 */
export function runSystemBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('system', settings, async (scope) => {
    const { rates, stepSeconds, concurrency } = settings.system;
    const env = { AUTH_PUBLIC_KEY_FILE: benchPublicKeyFile(), LOG_LEVEL: 'warn' };
    const services = new Map<App, BenchServiceProcess>();
    // One after another: each migrates its own schema at start.
    for (const app of ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'] as const) {
      const service = new BenchServiceProcess(repositoryRoot, app, await freePort(), {
        ...env,
        ...scope.serviceEnvironment(app),
      });
      scope.defer(() => service.stop());
      await service.start();
      services.set(app, service);
    }
    const helpReportsAtMost = Math.ceil((rates.reduce((sum, rate) => sum + rate, 0) * stepSeconds) / 3);
    const district = await setUpSystemDistrict(
      {
        registry: services.get('grid-registry')!.baseUrl,
        dispatch: services.get('issue-dispatch')!.baseUrl,
        volunteers: services.get('volunteer-coordination')!.baseUrl,
      },
      helpReportsAtMost,
    );
    progress(
      `system: four services running; district made through their APIs: ${district.grids} grids, ` +
        `${district.addresses.length} courtyards, ${district.volunteers} volunteers, 2 of 4 categories needing a volunteer`,
    );

    const monitor = await ConsumerLagMonitor.connect(scope.kafka, (name) => scope.physicalTopic(name));
    scope.defer(() => monitor.stop());
    const load = new SystemLoad(
      await KeepAlivePool.open(services.get('issue-dispatch')!.baseUrl, concurrency),
      district,
      monitor,
      [...services.values()],
    );
    load.startSampling();
    if (!(await monitor.caughtUp(now(), 60_000)))
      throw new Error('bench: the consumer groups did not catch up with the set-up');
    const client = await scope.sql();
    progress(`system: ${await gatherTableStatistics(client, settings.analyzeAfterSetUp)}`);
    const idle = await load.idleCpu(IDLE_SECONDS);
    progress(
      `system: at rest (${IDLE_SECONDS} s, no reports): CPU (cores) ${cpuLine(idle, (name, used) => `${name} ${used.toFixed(2)}`)}; ` +
        `machine busy ${(idle.get('machine') ?? 0).toFixed(2)} of ${cores}, of which other processes ${(idle.get('others') ?? 0).toFixed(2)}`,
    );
    const before = await countWork(client);

    progress(
      `system: ${rates.join(', ')} reports/s, ${stepSeconds} s each, ${concurrency} connections; ` +
        `lag of ${monitor.groups.length} consumer groups sampled every 500 ms`,
    );
    const steps: StepResult[] = [];
    for (const rate of rates) {
      const step = await load.step(rate, stepSeconds);
      steps.push(step);
      for (const line of describeStep(step, idle)) progress(line);
      if (!step.holds) break;
    }
    load.close();

    const sent = {
      accepted: steps.reduce((sum, step) => sum + step.accepted, 0),
      helpAccepted: steps.reduce((sum, step) => sum + step.helpAccepted, 0),
    };
    const { counts, mismatches } = await awaitWork(() => countWork(client), before, sent, 120_000);
    const deadLetters = [...(await monitor.deadLetters())].filter(([, n]) => n > 0);
    mismatches.push(...deadLetters.map(([group, n]) => `${n} events in the dead-letter topic of ${group}`));
    if (mismatches.length > 0) {
      throw new Error(
        `bench: system: the reports did not all go through the system (${sent.accepted} accepted, ${sent.helpAccepted} needing a volunteer): ${mismatches.join('; ')}`,
      );
    }
    progress(
      `system: verified in the databases: ${sent.accepted} issues dispatched and in analytics, ${sent.helpAccepted} tasks ` +
        `offered to volunteers, in the issues' history and in analytics (${counts.offers - before.offers} offers); no dead letters`,
    );
    const peaks = [...services].map(([app, service]) => [app, service.peakRssMb() ?? 0] as const);
    progress(`system: peak RSS over the run (VmHWM): ${peaks.map(([app, mb]) => `${app} ${mb} MB`).join(', ')}`);
    const heavy = peaks.filter(([, mb]) => mb >= RSS_LIMIT_MB);
    if (heavy.length > 0)
      progress(`system: warning — above ${RSS_LIMIT_MB} MB: ${heavy.map(([app]) => app).join(', ')}`);

    const rows = await readReportRows(client);
    await createRawTables(client);
    const pool = new Pool({
      connectionString: scope.config.databaseUrl,
      max: concurrency,
      options: `-c search_path=${scope.config.databaseSchema}`,
    });
    scope.defer(() => pool.end());
    const baselineReports = Math.min(RAW_BASELINE_REPORTS, rows.length);
    progress(
      `system: baseline — ${baselineReports} reports' rows by raw pg, one transaction each, ${concurrency} connections`,
    );
    const rawRate = await writeReportsRaw(pool, rows.slice(0, baselineReports), concurrency);

    const held = steps.filter((step) => step.holds);
    const sustained = held.length > 0 ? held[held.length - 1].rate : 0;
    const stoppedBy = steps.find((step) => !step.holds);
    progress(
      `system: sustained ${sustained} reports/s with every group's lag < ${LAG_LIMIT_MS / 1000} s` +
        (stoppedBy
          ? `; ${stoppedBy.rate}/s did not hold`
          : `; every rate offered held (raise BENCH_SYSTEM_RATES to find the limit)`) +
        `; raw pg ${Math.round(rawRate)} reports/s`,
    );
    return [
      throughputFigure({
        id: 'system.sustained',
        label: `whole system: sustained reports/s with every group's lag < ${LAG_LIMIT_MS / 1000} s (${concurrency} in flight)`,
        value: sustained,
        unit: 'reports/s',
        baseline: rawRate,
        baselineLabel: 'raw pg: intake rows, tx per report',
      }),
    ];
  });
}
