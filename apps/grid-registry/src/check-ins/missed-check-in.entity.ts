import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GridLevel } from '@gridline/contracts';

/**
 * A grid that owed a check-in for a local date and had none at the cut-off. The primary key (tenant, grid, date)
 * is what makes the cut-off idempotent: a re-run inserts nothing and therefore emits nothing.
 */
@Entity({ name: 'missed_check_ins' })
export class MissedCheckIn {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @PrimaryColumn({ name: 'local_date', type: 'date' })
  date: string;

  /** The grid's level at the cut-off. */
  @Column({ type: 'text' })
  level: GridLevel;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
