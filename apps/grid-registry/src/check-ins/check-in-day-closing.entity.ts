import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The record that a district's cut-off for a local date ran: from then on the day is closed (no check-ins,
 * /missing answers from `missed_check_ins`). One row per district and date; a re-fired timer finds it and
 * does nothing.
 */
@Entity({ name: 'check_in_day_closings' })
export class CheckInDayClosing {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'local_date', type: 'date' })
  date: string;

  @Column({ name: 'cutoff_at', type: 'timestamptz' })
  cutoffAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt: Date;

  @Column({ name: 'missed_count', type: 'int' })
  missedCount: number;

  /** Time spent inside the cut-off transaction: the set-based insert plus one outbox row per missed grid. */
  @Column({ name: 'processing_ms', type: 'int' })
  processingMs: number;
}
