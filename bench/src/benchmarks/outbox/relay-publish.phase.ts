import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { OutboxRelay } from '@gridline/messaging';
import { Figure, throughputFigure } from '../../harness/figure';
import { now, perSecond, timed, waitUntil } from '../../harness/measure';
import { Progress } from '../../harness/progress';
import { connectRawProducer, sendInBatches } from '../../harness/raw-kafka';
import { kafkaMessageOf, RawOutboxRow } from '../../harness/sample-events';

/** The relay reads and sends 500 rows per batch; the baseline sends in batches of the same size. */
const RELAY_BATCH = 500;

type StoredRow = Pick<RawOutboxRow, 'messageKey' | 'headers' | 'payload'>;

/**
 * Figure 2 (throughput). The baseline sends the very messages the relay will send (read from the outbox
 * first) with a producer configured like KafkaRuntime's, to a fresh topic of the same partition count.
 * The relay is stopped when this starts, so the whole backlog is waiting, as after a broker outage.
 */
export async function measureRelayPublish(
  deps: {
    client: Client;
    kafka: Kafka;
    relay: OutboxRelay;
    baselineTopic: string;
    createTopic: (name: string) => Promise<void>;
  },
  progress: Progress,
): Promise<Figure[]> {
  const { client, kafka, relay, baselineTopic } = deps;
  const { rows } = await client.query<{
    message_key: string;
    headers: Record<string, string>;
    payload: StoredRow['payload'];
  }>('SELECT message_key, headers, payload FROM outbox ORDER BY seq');
  const messages = rows.map((row) =>
    kafkaMessageOf({ messageKey: row.message_key, headers: row.headers, payload: row.payload }),
  );

  progress(`relay publish: ${messages.length} messages, raw producer, batches of ${RELAY_BATCH}`);
  await deps.createTopic(baselineTopic);
  const producer = await connectRawProducer(kafka);
  // One untimed message fetches the new topic's metadata first; the relay pays that inside its first batch,
  // so if anything the ratio errs against the relay.
  await producer.send({ topic: baselineTopic, acks: -1, messages: [{ key: 'warm-up', value: '{}' }] });
  const raw = await timed(() => sendInBatches(producer, baselineTopic, messages, RELAY_BATCH)).finally(() =>
    producer.disconnect(),
  );

  progress(`relay publish: starting OutboxRelay with ${messages.length} events waiting`);
  const alreadyPublished = relay.publishedCount;
  const started = now();
  // The lifecycle hook is the relay's only "start"; the bench stopped it right after boot.
  relay.onApplicationBootstrap();
  const finished = await waitUntil(
    () => relay.publishedCount - alreadyPublished >= messages.length,
    'the relay to publish the backlog',
    120_000,
  );
  // publishedCount moves just before the batch's DELETE commits; the figure is only valid if the outbox really empties.
  await waitUntil(
    async () => (await client.query('SELECT 1 FROM outbox LIMIT 1')).rowCount === 0,
    'the outbox to be empty',
    10_000,
    20,
  );

  return [
    throughputFigure({
      id: 'outbox.relay',
      label: 'relay publish (backlog drain)',
      value: perSecond(messages.length, finished - started),
      unit: 'events/s',
      baseline: perSecond(messages.length, raw.ms),
      baselineLabel: `raw kafkajs idempotent send, ${RELAY_BATCH}/batch`,
    }),
  ];
}
