import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Matter } from './domain/check-in-rules';

/** A grid's daily check-in (零上报): one per grid and local date (UNIQUE tenant, grid, date). */
@Entity({ name: 'check_ins' })
export class CheckIn {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  /** The local date (district time zone) the check-in is for; PostgreSQL `date`, read as `YYYY-MM-DD`. */
  @Column({ name: 'local_date', type: 'date' })
  date: string;

  @Column({ name: 'nothing_to_report', type: 'boolean' })
  nothingToReport: boolean;

  /** Matters seen, in the order given; empty when there was nothing to report. Stays in this service. */
  @Column({ type: 'jsonb' })
  matters: Matter[];

  @Column({ name: 'reported_by_member_id', type: 'uuid', nullable: true })
  reportedByMemberId: string | null;

  @Column({ name: 'reported_by_name', type: 'text', nullable: true })
  reportedByName: string | null;

  /** The verified caller (token subject) who recorded it, for accountability; never published. */
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz' })
  checkedInAt: Date;
}
