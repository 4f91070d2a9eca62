import path from 'node:path';
import { Pool } from 'pg';
import { Topics } from '@gridline/contracts';
import { freePort } from '@gridline/testing';
import { BenchSettings } from '../../bench-settings';
import { startArrivalProbe } from '../../harness/arrival-probe';
import { withBenchScope } from '../../harness/bench-scope';
import { benchPublicKeyFile } from '../../harness/dev-auth';
import { Figure, latencyFigure, throughputFigure } from '../../harness/figure';
import { percentiles } from '../../harness/measure';
import { gatherTableStatistics } from '../../harness/table-statistics';
import { Progress } from '../../harness/progress';
import { BenchServiceProcess } from '../../harness/service-process';
import { reportAtSteadyRate, dispatchedIssueOf, writeRawAtSteadyRate } from './dispatch-latency.phase';
import { residentToken, setUpIntakeDistrict } from './intake-district';
import { postReports, writeReportsRaw } from './intake-rate.phase';
import { createRawTables, readReportRows, truncateRawTables, writeReportRawTogether } from './raw-report-writes';

/** Compiled to dist/bench/src/benchmarks/intake/; the repository root is five levels up. */
const repositoryRoot = path.resolve(__dirname, '../../../../..');
const WARM_UP_REPORTS = 200;

/**
 * Issue intake through real grid-registry and issue-dispatch processes (from dist/, bearer tokens verified):
 * reports/s over HTTP against raw pg writing the same rows, then report → dispatched latency at a steady rate
 * against raw pg at that rate, and report → IssueDispatched on Kafka against OUTBOX_POLL_MS.
 */
export function runIntakeBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('intake', settings, async (scope) => {
    const env = { AUTH_PUBLIC_KEY_FILE: benchPublicKeyFile(), LOG_LEVEL: 'warn' };
    const registry = new BenchServiceProcess(repositoryRoot, 'grid-registry', await freePort(), {
      ...env,
      ...scope.serviceEnvironment('grid-registry'),
    });
    const dispatch = new BenchServiceProcess(repositoryRoot, 'issue-dispatch', await freePort(), {
      ...env,
      ...scope.serviceEnvironment('issue-dispatch'),
    });
    scope.defer(() => registry.stop());
    scope.defer(() => dispatch.stop());
    await registry.start();
    await dispatch.start();
    await setUpIntakeDistrict(registry.baseUrl, dispatch.baseUrl);
    progress(
      'intake: grid-registry and issue-dispatch running; district, grids and category set up through their APIs',
    );

    const { intake } = settings;
    const token = await residentToken();
    await postReports(dispatch.baseUrl, token, WARM_UP_REPORTS, intake.concurrency);
    const client = await scope.sql();
    progress(`intake: ${await gatherTableStatistics(client, settings.analyzeAfterSetUp)}`);
    progress(`intake: ${intake.reports} reports over HTTP, ${intake.concurrency} in flight`);
    const httpRate = await postReports(dispatch.baseUrl, token, intake.reports, intake.concurrency);

    const probe = await startArrivalProbe(
      scope.kafka,
      scope.physicalTopic(Topics.issueEvents.name),
      scope.consumerGroup('bench.dispatch-probe'),
      dispatchedIssueOf,
    );
    scope.defer(() => probe.stop());
    progress(
      `intake: ${intake.rate} reports/s for ${intake.seconds} s over HTTP, until each IssueDispatched is on Kafka`,
    );
    const steady = await reportAtSteadyRate({
      dispatchUrl: dispatch.baseUrl,
      token,
      probe,
      rate: intake.rate,
      seconds: intake.seconds,
    });

    progress(
      `intake: peak RSS grid-registry ${registry.peakRssMb() ?? '?'} MB, issue-dispatch ${dispatch.peakRssMb() ?? '?'} MB`,
    );
    const rows = await readReportRows(client);
    await createRawTables(client);
    const pool = new Pool({
      connectionString: scope.config.databaseUrl,
      max: intake.concurrency,
      options: `-c search_path=${scope.config.databaseSchema}`,
    });
    scope.defer(() => pool.end());
    progress(
      `intake: the same rows by raw pg — ${intake.reports} reports with ${intake.concurrency} connections, then ${intake.rate}/s for ${intake.seconds} s`,
    );
    const rawRate = await writeReportsRaw(pool, rows.slice(0, intake.reports), intake.concurrency);
    await truncateRawTables(client);
    const rawSteady = percentiles(await writeRawAtSteadyRate(pool, rows, intake.rate, intake.seconds));
    await truncateRawTables(client);
    progress(
      `intake: the same rows by raw pg as one statement per report (ADR 0046), ${intake.concurrency} connections`,
    );
    const rawTogetherRate = await writeReportsRaw(
      pool,
      rows.slice(0, intake.reports),
      intake.concurrency,
      writeReportRawTogether,
    );

    if (steady.failed > 0)
      progress(
        `intake: warning — ${steady.failed} of ${intake.rate * intake.seconds} steady-rate reports failed (connection error or not 201); latencies are of the rest`,
      );
    const answered = percentiles(steady.answered);
    const onKafka = percentiles(steady.onKafka);
    progress(
      `intake: HTTP ${Math.round(httpRate)} reports/s vs raw ${Math.round(rawRate)}/s (one statement each: ${Math.round(rawTogetherRate)}/s); at ${intake.rate}/s 201 p50 ${answered.p50.toFixed(1)} / p99 ${answered.p99.toFixed(1)} ms, on Kafka p50 ${onKafka.p50.toFixed(1)} / p99 ${onKafka.p99.toFixed(1)} ms, raw tx p99 ${rawSteady.p99.toFixed(1)} ms`,
    );
    const at = `at ${intake.rate}/s`;
    const relaySleep = { baseline: scope.config.outboxPollMs, baselineLabel: 'OUTBOX_POLL_MS (relay sleep)' };
    return [
      throughputFigure({
        id: 'intake.http',
        label: `intake over HTTP (${intake.concurrency} in flight)`,
        value: httpRate,
        unit: 'reports/s',
        baseline: rawRate,
        baselineLabel: 'raw pg: same rows, tx per report',
      }),
      throughputFigure({
        id: 'intake.raw-one-statement',
        label: `raw pg, each report one statement (${intake.concurrency} conns)`,
        value: rawTogetherRate,
        unit: 'reports/s',
        baseline: rawRate,
        baselineLabel: 'raw pg: same rows, tx per report',
      }),
      latencyFigure({
        id: 'intake.dispatched.p50',
        label: `report → dispatched (201) p50 ${at}`,
        value: answered.p50,
        unit: 'ms',
        baseline: rawSteady.p50,
        baselineLabel: 'raw pg tx of the same rows, p50',
      }),
      latencyFigure({
        id: 'intake.dispatched.p99',
        label: `report → dispatched (201) p99 ${at}`,
        value: answered.p99,
        unit: 'ms',
        baseline: rawSteady.p99,
        baselineLabel: 'raw pg tx of the same rows, p99',
      }),
      latencyFigure({
        id: 'intake.on-kafka.p50',
        label: `report → IssueDispatched on Kafka p50 ${at}`,
        value: onKafka.p50,
        unit: 'ms',
        ...relaySleep,
      }),
      latencyFigure({
        id: 'intake.on-kafka.p99',
        label: `report → IssueDispatched on Kafka p99 ${at}`,
        value: onKafka.p99,
        unit: 'ms',
        ...relaySleep,
      }),
    ];
  });
}
