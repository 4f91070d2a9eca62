import { Kafka, KafkaMessage } from 'kafkajs';
import { now, waitUntil } from './measure';

export interface ArrivalProbe {
  /** When each key was first seen, on the monotonic clock. */
  readonly arrivals: Map<string, number>;
  stop(): Promise<void>;
}

/** The CloudEvent id of a message; the default key. */
export const eventIdOf = (message: KafkaMessage): string | undefined => message.headers?.ce_id?.toString();

/**
 * A plain consumer that notes when each message's key (by default its event id; `keyOf` may pick another or
 * skip a message) first arrives. It starts at the topic's end and returns after its first fetch, so no latency
 * includes the consumer-group join.
 */
export async function startArrivalProbe(
  kafka: Kafka,
  topic: string,
  groupId: string,
  keyOf: (message: KafkaMessage) => string | undefined = eventIdOf,
): Promise<ArrivalProbe> {
  const arrivals = new Map<string, number>();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  let fetched = false;
  consumer.on(consumer.events.FETCH, () => {
    fetched = true;
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = keyOf(message);
      if (key !== undefined && !arrivals.has(key)) arrivals.set(key, now());
    },
  });
  await waitUntil(() => fetched, 'the latency probe to join and fetch', 60_000, 10);
  return { arrivals, stop: () => consumer.disconnect() };
}
