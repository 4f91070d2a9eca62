import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One date of a series, materialised within the horizon; unique per series and local date. */
@Entity({ name: 'service_occurrences' })
export class ServiceOccurrence {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  @Column({ name: 'series_id', type: 'uuid' }) seriesId: string;
  @Column({ name: 'grid_id', type: 'text' }) gridId: string;
  @Column({ name: 'local_date', type: 'date' }) localDate: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
}

/**
 * A resident slot (`clinic`, 40 places) or volunteer shift (`first-aid`, 3) of one occurrence. `taken` is the
 * counter every sign-up moves with a conditional UPDATE; the row is the lock that serialises one pool.
 */
@Entity({ name: 'occurrence_pools' })
export class OccurrencePool {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'text' }) tenantId: string;
  @Column({ name: 'occurrence_id', type: 'uuid' }) occurrenceId: string;
  @Column({ type: 'text' }) role: 'resident' | 'volunteer';
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'int' }) capacity: number;
  @Column({ type: 'int' }) taken: number;
  @Column({ type: 'int' }) waitlisted: number;
  @Column({ name: 'waitlist_seq', type: 'int' }) waitlistSeq: number;
}
