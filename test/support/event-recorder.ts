import { randomBytes } from 'node:crypto';
import { Consumer, IHeaders, Kafka } from 'kafkajs';
import { CloudEvent, fromKafkaMessage } from '@gridline/contracts';
import { eventually } from '@gridline/testing';
import { adminConnection, kafkaAs } from './kafka-credentials';

export interface RecordedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: string | null;
  /** The decoded CloudEvent, or null when the message is not one. */
  readonly event: CloudEvent | null;
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}

/** Reads physical topics from the start in a throwaway consumer group and keeps every message, for assertions. */
export class EventRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(private readonly kafka: Kafka) {}

  /** The harness's client: the provisioning super user, so it can watch and inject on any topic. */
  static kafka(): Kafka {
    return kafkaAs(adminConnection());
  }

  async start(topics: string[]): Promise<this> {
    const consumer = this.kafka.consumer({ groupId: `test-recorder-${randomBytes(4).toString('hex')}` });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        let event: CloudEvent | null = null;
        try {
          event = fromKafkaMessage(message.headers, message.value);
        } catch {
          event = null;
        }
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          headers: textHeaders(message.headers),
          value: message.value?.toString() ?? null,
          event,
        });
      },
    });
    return this;
  }

  events(type?: string): CloudEvent[] {
    return this.messages
      .map((m) => m.event)
      .filter((e): e is CloudEvent => e !== null && (type === undefined || e.type === type));
  }

  async waitForEvent(what: string, predicate: (event: CloudEvent) => boolean, timeoutMs = 30_000): Promise<CloudEvent> {
    return eventually(what, async () => this.events().find(predicate), timeoutMs, 100);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
