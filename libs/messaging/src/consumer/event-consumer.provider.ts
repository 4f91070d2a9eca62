import { Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SubscriptionSpec } from '@gridline/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { EventHandler } from './event-handler';
import { KafkaEventConsumer } from './kafka-event.consumer';

export interface EventConsumerDeclaration {
  /** The catalogue's consumer group (libs/contracts `Subscriptions`): its group, its service and its topics. */
  readonly subscription: SubscriptionSpec;
  readonly handlers: readonly Type<EventHandler>[];
}

export function eventConsumerToken(group: string): string {
  return `EventConsumer:${group}`;
}

/** Declares a consumer group in a service module; it starts with the application and drains on shutdown. */
export function provideEventConsumer(declaration: EventConsumerDeclaration): Provider {
  return {
    provide: eventConsumerToken(declaration.subscription.group),
    inject: [KafkaRuntime, getDataSourceToken(), SERVICE_CONFIG, ...declaration.handlers],
    useFactory: (kafka: KafkaRuntime, dataSource: DataSource, config: ServiceConfig, ...handlers: EventHandler[]) => {
      const { group, service, topics } = declaration.subscription;
      // The broker would refuse the group anyway (ACLs follow the catalogue); say so before it does.
      if (service !== config.serviceName) throw new Error(`consumer group ${group} belongs to ${service}, not ${config.serviceName}`);
      const consumer = new KafkaEventConsumer(kafka, dataSource, {
        group,
        topics,
        handlers,
        maxAttempts: config.consumerMaxAttempts,
        backoff: { baseMs: config.consumerRetryBaseMs, maxMs: 10_000 },
        // Each batch is one database commit; handling the partitions side by side keeps the pool and the disk busy.
        partitionsConcurrently: config.topicPartitions,
        batchSize: config.consumerBatchSize,
      });
      kafka.registerConsumer(consumer);
      return consumer;
    },
  };
}
