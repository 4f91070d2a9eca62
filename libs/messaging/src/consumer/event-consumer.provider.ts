import { Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { EventHandler } from './event-handler';
import { KafkaEventConsumer } from './kafka-event.consumer';

export interface EventConsumerDeclaration {
  /** Logical consumer group, e.g. `analytics.projections`. */
  readonly group: string;
  readonly topics: readonly string[];
  readonly handlers: readonly Type<EventHandler>[];
}

export function eventConsumerToken(group: string): string {
  return `EventConsumer:${group}`;
}

/** Declares a consumer group in a service module; it starts with the application and drains on shutdown. */
export function provideEventConsumer(declaration: EventConsumerDeclaration): Provider {
  return {
    provide: eventConsumerToken(declaration.group),
    inject: [KafkaRuntime, getDataSourceToken(), SERVICE_CONFIG, ...declaration.handlers],
    useFactory: (kafka: KafkaRuntime, dataSource: DataSource, config: ServiceConfig, ...handlers: EventHandler[]) => {
      const consumer = new KafkaEventConsumer(kafka, dataSource, {
        group: declaration.group,
        topics: declaration.topics,
        handlers,
        maxAttempts: config.consumerMaxAttempts,
        backoff: { baseMs: config.consumerRetryBaseMs, maxMs: 10_000 },
        // Each event is one database commit; handling the partitions side by side multiplies throughput.
        partitionsConcurrently: config.topicPartitions,
      });
      kafka.registerConsumer(consumer);
      return consumer;
    },
  };
}
