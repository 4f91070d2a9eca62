import { Global, Module } from '@nestjs/common';
import { KAFKA_HEALTH } from '@gridline/platform';
import { InboxRecord } from './inbox/inbox-record.entity';
import { KafkaRuntime } from './kafka/kafka-runtime';
import { MessagingMetrics } from './metrics/messaging.metrics';
import { Outbox } from './outbox/outbox';
import { OutboxRecord } from './outbox/outbox-record.entity';
import { OutboxRelay } from './outbox/outbox.relay';
import { EventServers } from './transport/event-servers';

/** Entities every service registers with its DataSource to use the outbox and inbox. */
export const messagingEntities = [OutboxRecord, InboxRecord];

/** Kafka client, topic provisioning, the outbox and its relay, the consumer groups' servers. Needs ServiceConfigModule and a TypeORM DataSource. */
@Global()
@Module({
  providers: [
    KafkaRuntime,
    Outbox,
    OutboxRelay,
    MessagingMetrics,
    EventServers,
    { provide: KAFKA_HEALTH, useExisting: KafkaRuntime },
  ],
  exports: [KafkaRuntime, Outbox, OutboxRelay, EventServers, KAFKA_HEALTH],
})
export class MessagingModule {}
