import { INestApplication, Injectable, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SubscriptionSpec } from '@gridline/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { KafkaRuntime } from '../kafka/kafka-runtime';
import { KafkaEventServer } from './kafka-event.server';

/** The consumer groups a service module declared, to connect as microservices when the application starts. */
@Injectable()
export class EventServers {
  private readonly servers: KafkaEventServer[] = [];

  add(server: KafkaEventServer): void {
    if (this.servers.some((s) => s.group === server.group))
      throw new Error(`consumer group ${server.group} is declared twice`);
    this.servers.push(server);
  }

  all(): readonly KafkaEventServer[] {
    return this.servers;
  }
}

export function eventServerToken(group: string): string {
  return `KafkaEventServer:${group}`;
}

/**
 * Declares a consumer group in a service module: its `@HandleEvent(…, subscription)` controller methods are
 * called for the group's events once `connectEventServers` has connected it (bootstrapService does).
 */
export function provideEventServer(subscription: SubscriptionSpec): Provider {
  return {
    provide: eventServerToken(subscription.group),
    inject: [KafkaRuntime, getDataSourceToken(), SERVICE_CONFIG, EventServers],
    useFactory: (kafka: KafkaRuntime, dataSource: DataSource, config: ServiceConfig, servers: EventServers) => {
      const { group, service } = subscription;
      // The broker would refuse the group anyway (ACLs follow the catalogue); say so before it does.
      if (service !== config.serviceName)
        throw new Error(`consumer group ${group} belongs to ${service}, not ${config.serviceName}`);
      const server = new KafkaEventServer(subscription, kafka, dataSource, {
        maxAttempts: config.consumerMaxAttempts,
        backoff: { baseMs: config.consumerRetryBaseMs, maxMs: 10_000 },
        // Each batch is one database commit; handling the partitions side by side keeps the pool and the disk busy.
        partitionsConcurrently: config.topicPartitions,
        batchSize: config.consumerBatchSize,
      });
      servers.add(server);
      return server;
    },
  };
}

/** Connects every declared consumer group to the application as a microservice; `startAllMicroservices` starts them. */
export function connectEventServers(app: INestApplication): void {
  for (const server of app.get(EventServers).all()) app.connectMicroservice({ strategy: server });
}
