import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Outbox, OutboxRelay } from '@gridline/messaging';
import { BenchSettings } from '../../bench-settings';
import { BENCH_CONSUMER_GROUP } from '../../harness/bench-app.module';
import { BenchScopeOptions, withBenchScope } from '../../harness/bench-scope';
import { Figure, sizeFigure, throughputFigure } from '../../harness/figure';
import { now, perSecond, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import {
  benchEventContext,
  chunks,
  issueReportedBatch,
  kafkaMessageOf,
  rawOutboxRow,
} from '../../harness/sample-events';
import { IssueReported } from '@gridline/contracts';

interface Throughputs {
  readonly relay: number;
  readonly consumer: number;
  /** Bytes the broker keeps for the relayed events (the topic's partition folders), when its data folder is known. */
  readonly bytesOnDisk: number | null;
}

/** The bytes of the events as messages: key, value and headers (what a producer hands the broker). */
function messageBytes(count: number): number {
  return issueReportedBatch(count)
    .map((data) => kafkaMessageOf(rawOutboxRow(data)))
    .reduce(
      (sum, m) =>
        sum +
        Buffer.byteLength(String(m.key)) +
        Buffer.byteLength(String(m.value)) +
        Object.entries(m.headers ?? {}).reduce(
          (h, [k, v]) => h + Buffer.byteLength(k) + Buffer.byteLength(String(v)),
          0,
        ),
      0,
    );
}

/**
 * The disk the topic's partition folders really take in the local broker's data folder (allocated blocks: the index
 * files of an open segment are preallocated sparse files whose nominal size is 10 MB).
 */
function topicBytesOnDisk(dataDir: string, topic: string): number {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith(`${topic}-`) && /-\d+$/.test(name))
    .flatMap((partition) =>
      readdirSync(path.join(dataDir, partition)).map(
        (file) => statSync(path.join(dataDir, partition, file)).blocks * 512,
      ),
    )
    .reduce((sum, size) => sum + size, 0);
}

/**
 * What authentication and authorisation cost the backbone: the outbox relay draining N events and the inbox consumer
 * handling them, once on the platform's broker as issue-dispatch's principal (SASL/SCRAM-SHA-512, every request checked
 * against its ACLs) and once on a scratch broker without SASL or ACLs, in the same run. Ratio = secured ÷ open.
 */
export async function runSaslBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  if (!settings.plaintextKafkaBrokers)
    throw new Error(
      'bench: the sasl figures need BENCH_PLAINTEXT_KAFKA_BROKERS (npm run bench starts a scratch broker)',
    );
  // Each broker once untimed first: the scratch broker's JVM starts cold, the platform's is warm; the second rounds compare.
  const plaintext = { plaintextBrokers: settings.plaintextKafkaBrokers };
  await measure('sasl-off warm-up', settings, progress, plaintext);
  await measure('sasl-on warm-up', settings, progress, { asService: 'issue-dispatch' });
  const open = await measure('sasl-off', settings, progress, plaintext);
  const secured = await measure('sasl-on', settings, progress, { asService: 'issue-dispatch' });
  const baselineLabel = 'the same on a broker without SASL or ACLs';
  const disk: Figure[] =
    secured.bytesOnDisk === null
      ? []
      : [
          sizeFigure({
            id: 'retention.disk',
            label: 'disk per million public events (MB)',
            value: ((secured.bytesOnDisk / settings.events) * 1_000_000) / 1e6,
            unit: 'MB',
            baseline: ((messageBytes(settings.events) / settings.events) * 1_000_000) / 1e6,
            baselineLabel: 'the messages themselves (key, value, headers)',
          }),
        ];
  return [
    ...disk,
    throughputFigure({
      id: 'sasl.relay',
      label: 'relay publish with SASL + ACLs',
      value: secured.relay,
      unit: 'events/s',
      baseline: open.relay,
      baselineLabel,
    }),
    throughputFigure({
      id: 'sasl.consumer',
      label: 'consumer with inbox, SASL + ACLs',
      value: secured.consumer,
      unit: 'events/s',
      baseline: open.consumer,
      baselineLabel,
    }),
  ];
}

function measure(
  label: string,
  settings: BenchSettings,
  progress: Progress,
  options: BenchScopeOptions,
): Promise<Throughputs> {
  return withBenchScope(
    label,
    settings,
    async (scope) => {
      const events = issueReportedBatch(settings.events);
      await scope.createConsumerGroupTopics(BENCH_CONSUMER_GROUP);
      const writer = await scope.boot({ withConsumer: false });
      const relay = writer.context.get(OutboxRelay);
      await relay.beforeApplicationShutdown(); // a backlog first, then the drain is timed
      const outbox = writer.context.get(Outbox);
      for (const transaction of chunks(events, 100)) {
        await writer.dataSource.transaction(async (manager) => {
          const context = benchEventContext();
          for (const data of transaction) await outbox.add(manager, IssueReported, data, context);
        });
      }
      progress(`${label}: relay draining ${events.length} events`);
      const relayStarted = now();
      relay.onApplicationBootstrap();
      const relayed = await waitUntil(
        () => relay.publishedCount >= events.length,
        'the relay to publish the backlog',
        300_000,
      );
      await writer.close();
      const dataDir = options.plaintextBrokers ? undefined : (settings.kafkaDataDir ?? undefined);
      const bytesOnDisk =
        dataDir && existsSync(dataDir) ? topicBytesOnDisk(dataDir, scope.physicalTopic(IssueReported.topic)) : null;

      progress(`${label}: consumer with inbox handling ${events.length} events`);
      const reader = await scope.boot({ withConsumer: 'per-event' });
      const joinedAt = now();
      const consumer = reader.consumer(BENCH_CONSUMER_GROUP);
      const settled = () => Object.values(consumer.outcomes).reduce((sum, count) => sum + count, 0);
      const handled = await waitUntil(
        () => settled() >= events.length,
        'the consumer to handle every event',
        300_000,
        5,
      );
      if (consumer.outcomes.handled !== events.length)
        throw new Error(`bench: ${label} consumer outcomes ${JSON.stringify(consumer.outcomes)}`);
      return {
        relay: perSecond(events.length, relayed - relayStarted),
        consumer: perSecond(events.length, handled - joinedAt),
        bytesOnDisk,
      };
    },
    options,
  );
}
