import { Kafka, Message, Partitioners, Producer } from 'kafkajs';

/**
 * The producer the relay baseline uses: configured like KafkaRuntime's (not idempotent, one request in flight,
 * same partitioner; ADR 0035), so the ratio shows what the outbox and relay add, not a different Kafka setup.
 */
export async function connectRawProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({
    idempotent: false,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return producer;
}

/** Sends `messages` in order, `batchSize` per request, waiting for all in-sync replicas each time. */
export async function sendInBatches(
  producer: Producer,
  topic: string,
  messages: readonly Message[],
  batchSize = 500,
): Promise<void> {
  for (let start = 0; start < messages.length; start += batchSize) {
    await producer.send({ topic, acks: -1, messages: messages.slice(start, start + batchSize) });
  }
}
