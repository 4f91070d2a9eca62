import { IssueReported } from '@gridline/contracts';
import { Outbox, OutboxRelay } from '@gridline/messaging';
import { BenchSettings } from '../../bench-settings';
import { withBenchScope } from '../../harness/bench-scope';
import { Figure } from '../../harness/figure';
import { Progress } from '../../harness/progress';
import { issueReportedBatch } from '../../harness/sample-events';
import { measureOutboxWrite } from './outbox-write.phase';
import { measureRelayLatency } from './relay-latency.phase';
import { measureRelayPublish } from './relay-publish.phase';

/** Figures 1 and 2: write N events into the outbox, relay the backlog, then measure latency at a trickle. */
export function runOutboxBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('outbox', settings, async (scope) => {
    const app = await scope.boot({ withConsumer: false });
    const relay = app.context.get(OutboxRelay);
    // Hold the relay: the write figure must not compete with publishing, and the publish figure needs a backlog.
    await relay.beforeApplicationShutdown();
    const client = await scope.sql();
    const outbox = app.context.get(Outbox);

    const write = await measureOutboxWrite(
      { client, dataSource: app.dataSource, outbox },
      issueReportedBatch(settings.events),
      progress,
    );
    const publish = await measureRelayPublish(
      {
        client,
        kafka: scope.kafka,
        relay,
        baselineTopic: scope.physicalTopic('bench.raw-producer'),
        createTopic: (name) => scope.createTopic(name),
      },
      progress,
    );
    const latency = await measureRelayLatency(
      {
        dataSource: app.dataSource,
        outbox,
        kafka: scope.kafka,
        topic: scope.physicalTopic(IssueReported.topic),
        probeGroup: scope.consumerGroup('bench.latency-probe'),
        outboxPollMs: scope.config.outboxPollMs,
      },
      { ratePerSecond: settings.trickleRate, seconds: settings.trickleSeconds },
      progress,
    );
    return [...write, ...publish, ...latency];
  });
}
