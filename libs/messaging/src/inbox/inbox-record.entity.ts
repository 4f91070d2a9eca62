import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One handled event per consumer group; inserted in the same transaction as the handler's effect. */
@Entity({ name: 'inbox' })
export class InboxRecord {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup: string;

  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
