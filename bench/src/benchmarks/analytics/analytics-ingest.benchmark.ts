import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Message } from 'kafkajs';
import {
  EventDefinition,
  eventSourceOf,
  IssueAcknowledged,
  IssueDispatched,
  IssueReported,
  toKafkaHeaders,
  Topics,
} from '@gridline/contracts';
import { freePort } from '@gridline/testing';
import { BenchSettings } from '../../bench-settings';
import { BenchScope, withBenchScope } from '../../harness/bench-scope';
import { benchPublicKeyFile } from '../../harness/dev-auth';
import { Figure, throughputFigure } from '../../harness/figure';
import { waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { connectRawProducer, sendInBatches } from '../../harness/raw-kafka';
import { BENCH_TENANT } from '../../harness/sample-events';
import { BenchServiceProcess } from '../../harness/service-process';

/** Compiled to dist/bench/src/benchmarks/analytics/; the repository root is five levels up. */
const repositoryRoot = path.resolve(__dirname, '../../../../..');

/** One issue's first three events as issue-dispatch writes them: reported, dispatched, acknowledged. */
function lifecycleOf(index: number): Message[] {
  const issueId = randomUUID();
  const at = Date.now();
  const iso = (offsetMs: number) => new Date(at + offsetMs).toISOString();
  const gridId = `taoyuan-micro-${(index % 38) + 1}`;
  const category = ['fire-lane', 'parking', 'litter', 'street-light'][index % 4];
  const events: Array<[EventDefinition, Record<string, unknown>]> = [
    [IssueReported, { issueId, tenantId: BENCH_TENANT, category, channel: 'resident', gridId, reportedAt: iso(0) }],
    [
      IssueDispatched,
      { issueId, tenantId: BENCH_TENANT, category, gridId, level: 'micro', ackDeadline: iso(3_600_000) },
    ],
    [
      IssueAcknowledged,
      {
        issueId,
        tenantId: BENCH_TENANT,
        gridId,
        level: 'micro',
        acknowledgedAt: iso(60_000),
        resolveDeadline: iso(86_400_000),
      },
    ],
  ];
  return events.map(([definition, data], step) => ({
    key: issueId,
    value: JSON.stringify(data),
    headers: toKafkaHeaders({
      specversion: '1.0',
      id: randomUUID(),
      source: eventSourceOf('issue-dispatch'),
      type: definition.type,
      time: iso(step * 1_000),
      subject: issueId,
      datacontenttype: 'application/json',
      tenantid: BENCH_TENANT,
      correlationid: randomUUID(),
      causationid: null,
    }),
  }));
}

/**
 * Fills the scope's public issue topic with `count` events, starts a real analytics process (from dist/, its own
 * principal) with `batchSize`, and returns its projection rate: events over the span between the first and the
 * last inbox transaction of analytics.projections (both stamped by PostgreSQL).
 */
async function ingestRate(
  scope: BenchScope,
  count: number,
  batchSize: number | null,
  progress: Progress,
): Promise<number> {
  const messages = Array.from({ length: Math.ceil(count / 3) }, (_, i) => lifecycleOf(i))
    .flat()
    .slice(0, count);
  const producer = await connectRawProducer(scope.kafka);
  await sendInBatches(producer, scope.physicalTopic(Topics.issueEvents.name), messages).finally(() =>
    producer.disconnect(),
  );
  const analytics = new BenchServiceProcess(repositoryRoot, 'analytics', await freePort(), {
    AUTH_PUBLIC_KEY_FILE: benchPublicKeyFile(),
    LOG_LEVEL: 'warn',
    ...(batchSize === null ? {} : { CONSUMER_BATCH_SIZE: String(batchSize) }),
    ...scope.serviceEnvironment('analytics'),
  });
  scope.defer(() => analytics.stop());
  await analytics.start();
  progress(
    `analytics: ${messages.length} issue events waiting, analytics running with CONSUMER_BATCH_SIZE=${batchSize ?? process.env.CONSUMER_BATCH_SIZE ?? 'default'}`,
  );
  const client = await scope.sql();
  const projected = async () =>
    (
      await client.query<{ n: string; seconds: number | null }>(
        `SELECT count(*) AS n, extract(epoch FROM max(processed_at) - min(processed_at))::float8 AS seconds
         FROM analytics.inbox WHERE consumer_group = 'analytics.projections' AND event_type LIKE 'gridline.issue.%'`,
      )
    ).rows[0];
  await waitUntil(
    async () => Number((await projected()).n) >= messages.length,
    `analytics to project ${messages.length} events`,
    600_000,
    200,
  );
  const { n, seconds } = await projected();
  progress(`analytics: peak RSS ${analytics.peakRssMb() ?? '?'} MB`);
  await analytics.stop();
  return (Number(n) - 1) / Math.max(seconds ?? 0, 0.001);
}

/**
 * Analytics projection ingest (ADR 0033): the real analytics process folding a backlog of issue events into
 * issue_facts (row lock, upsert, overdue timer per event), batched as it runs by default, against the same
 * backlog handled with one transaction per event (CONSUMER_BATCH_SIZE=1, the design before) in a scope of its own.
 * The batched run uses the service's default batch size (or CONSUMER_BATCH_SIZE from the bench's environment).
 */
export async function runAnalyticsBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  const count = settings.analyticsEvents;
  const perEvent = await withBenchScope('analytics-per-event', settings, (scope) =>
    ingestRate(scope, count, 1, progress),
  );
  const batched = await withBenchScope('analytics-batched', settings, (scope) =>
    ingestRate(scope, count, null, progress),
  );
  return [
    throughputFigure({
      id: 'analytics.ingest',
      label: 'analytics projection ingest',
      value: batched,
      unit: 'events/s',
      baseline: perEvent,
      baselineLabel: 'same process, 1 event per transaction',
    }),
  ];
}
