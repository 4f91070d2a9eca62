import { IssueReported } from '@gridline/contracts';
import { BenchSettings } from '../../bench-settings';
import { BENCH_CONSUMER_GROUP, BENCH_SET_BASED_CONSUMER_GROUP } from '../../harness/bench-app.module';
import { BenchScope, withBenchScope } from '../../harness/bench-scope';
import { FirstEventClock } from '../../harness/effect-recording.handler';
import { Figure, throughputFigure } from '../../harness/figure';
import { now, perSecond, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { connectRawProducer, sendInBatches } from '../../harness/raw-kafka';
import { issueReportedBatch, kafkaMessageOf, rawOutboxRow } from '../../harness/sample-events';
import { handleWithRawTransactions, readWithRawConsumer } from './raw-consumers';

/**
 * Figure 3: N IssueReported events wait on the issue-events topic; two raw consumers and then the library's
 * KafkaEventConsumer (inbox + one effect row per event) each read all of them in their own group.
 */
export function runConsumerBenchmark(settings: BenchSettings, progress: Progress): Promise<Figure[]> {
  return withBenchScope('consumer', settings, async (scope) => {
    const topic = scope.physicalTopic(IssueReported.topic);
    const expected = settings.events;
    await scope.createTopic(topic);
    await scope.createConsumerGroupTopics(BENCH_CONSUMER_GROUP);
    await scope.createConsumerGroupTopics(BENCH_SET_BASED_CONSUMER_GROUP);
    progress(`consumer: filling ${topic} with ${expected} events`);
    const producer = await connectRawProducer(scope.kafka);
    await sendInBatches(
      producer,
      topic,
      issueReportedBatch(expected).map((data) => kafkaMessageOf(rawOutboxRow(data))),
    ).finally(() => producer.disconnect());

    // Booted once without a consumer only to run the migration the raw baseline writes into.
    await (await scope.boot({ withConsumer: false })).close();
    const client = await scope.sql();

    progress(`consumer: raw kafkajs eachBatch, counting only`);
    const rawReadMs = await readWithRawConsumer(scope, topic, scope.consumerGroup('bench.raw-read'), expected);
    progress(`consumer: raw kafkajs eachBatch + one pg transaction per event (inbox + effect)`);
    const rawHandleMs = await handleWithRawTransactions(
      scope,
      topic,
      scope.consumerGroup('bench.raw-inbox'),
      expected,
      client,
    );
    // The library's handler inserts the same event ids; start it from empty tables like the raw run had.
    await client.query('TRUNCATE inbox, bench_effects');

    progress(`consumer: KafkaEventConsumer with inbox, one effect statement per event`);
    const perEventMs = await consumeWithLibrary(scope, 'per-event', expected);
    await client.query('TRUNCATE inbox, bench_effects');
    progress(`consumer: KafkaEventConsumer with inbox, set-based handler (one effect statement per batch)`);
    const setBasedMs = await consumeWithLibrary(scope, 'set-based', expected);

    const perEvent = perSecond(expected, perEventMs);
    const setBased = perSecond(expected, setBasedMs);
    const rawRead = perSecond(expected, rawReadMs);
    const rawTransactions = perSecond(expected, rawHandleMs);
    return [
      throughputFigure({
        id: 'consumer.inbox',
        label: 'consumer with inbox (KafkaEventConsumer)',
        value: perEvent,
        unit: 'events/s',
        baseline: rawRead,
        baselineLabel: 'raw kafkajs eachBatch, read only',
      }),
      throughputFigure({
        id: 'consumer.inbox.vs-raw-transactions',
        label: 'consumer with inbox vs same SQL',
        value: perEvent,
        unit: 'events/s',
        baseline: rawTransactions,
        baselineLabel: 'raw eachBatch + pg tx per event',
      }),
      throughputFigure({
        id: 'consumer.inbox.set-based',
        label: 'consumer with inbox, set-based handler',
        value: setBased,
        unit: 'events/s',
        baseline: rawTransactions,
        baselineLabel: 'raw eachBatch + pg tx per event',
      }),
    ];
  });
}

/**
 * Boots the bench service with its consumer and times it over every waiting event. The context resolves once
 * KafkaEventConsumer.start has joined the group (kafkajs resolves `run` then), the same instant the raw consumers'
 * clocks start.
 */
async function consumeWithLibrary(
  scope: BenchScope,
  handler: 'per-event' | 'set-based',
  expected: number,
): Promise<number> {
  const group = handler === 'set-based' ? BENCH_SET_BASED_CONSUMER_GROUP : BENCH_CONSUMER_GROUP;
  const app = await scope.boot({ withConsumer: handler });
  const joinedAt = now();
  const consumer = app.consumer(group);
  const clock = app.context.get(FirstEventClock);
  const settled = () => Object.values(consumer.outcomes).reduce((sum, count) => sum + count, 0);
  const finished = await waitUntil(() => settled() >= expected, 'KafkaEventConsumer to handle every event', 300_000, 5);
  if (consumer.outcomes.handled !== expected)
    throw new Error(`bench: consumer outcomes ${JSON.stringify(consumer.outcomes)}, expected ${expected} handled`);
  const elapsed = finished - Math.min(joinedAt, clock.at ?? joinedAt);
  await app.close();
  return elapsed;
}
