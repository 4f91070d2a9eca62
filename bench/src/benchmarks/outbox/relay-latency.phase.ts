import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { IssueReported } from '@gridline/contracts';
import { Outbox } from '@gridline/messaging';
import { sleep } from '@gridline/testing';
import { Figure, latencyFigure } from '../../harness/figure';
import { startArrivalProbe } from '../../harness/arrival-probe';
import { now, percentiles, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { benchEventContext, issueReportedData } from '../../harness/sample-events';

/**
 * Figure 2 (latency): commit → visible on Kafka, at a steady trickle, each event in its own transaction as a
 * request handler would write it. Bounded by the relay's poll interval by design (ADR 0004), so that interval
 * is the baseline: a ratio near 1 at p99 means the relay adds little beyond its sleep.
 */
export async function measureRelayLatency(
  deps: {
    dataSource: DataSource;
    outbox: Outbox;
    kafka: Kafka;
    topic: string;
    probeGroup: string;
    outboxPollMs: number;
  },
  trickle: { ratePerSecond: number; seconds: number },
  progress: Progress,
): Promise<Figure[]> {
  const { dataSource, outbox } = deps;
  const probe = await startArrivalProbe(deps.kafka, deps.topic, deps.probeGroup);
  try {
    const total = trickle.ratePerSecond * trickle.seconds;
    const interval = 1000 / trickle.ratePerSecond;
    progress(`relay latency: ${trickle.ratePerSecond} events/s for ${trickle.seconds} s, one transaction each`);
    const committedAt = new Map<string, number>();
    const started = now();
    for (let i = 0; i < total; i += 1) {
      // Scheduled against the start, not the previous write, so a slow write does not lower the rate.
      const due = started + i * interval;
      if (now() < due) await sleep(due - now());
      const eventId = await dataSource.transaction((manager) =>
        outbox.add(manager, IssueReported, issueReportedData(i), benchEventContext()),
      );
      committedAt.set(eventId, now());
    }
    await waitUntil(
      () => [...committedAt.keys()].every((id) => probe.arrivals.has(id)),
      'every trickled event to reach Kafka',
      60_000,
      20,
    );
    const latencies = [...committedAt].map(([id, at]) => probe.arrivals.get(id)! - at);
    const { p50, p99 } = percentiles(latencies);
    const baselineLabel = 'OUTBOX_POLL_MS (relay sleep)';
    return [
      latencyFigure({
        id: 'outbox.latency.p50',
        label: 'commit → Kafka latency p50',
        value: p50,
        unit: 'ms',
        baseline: deps.outboxPollMs,
        baselineLabel,
      }),
      latencyFigure({
        id: 'outbox.latency.p99',
        label: 'commit → Kafka latency p99',
        value: p99,
        unit: 'ms',
        baseline: deps.outboxPollMs,
        baselineLabel,
      }),
    ];
  } finally {
    await probe.stop();
  }
}
