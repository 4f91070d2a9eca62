import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GridLevel } from '@gridline/contracts';

/**
 * A district's zero-report (零上报) settings. The row is also the district's lock for the day's cut-off: the
 * cut-off takes it FOR UPDATE and every check-in FOR KEY SHARE, so a check-in commits wholly before or wholly
 * after the cut-off that decides who missed.
 */
@Entity({ name: 'zero_report_policies' })
export class ZeroReportPolicy {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  /** Local wall-clock time `HH:mm` at which the day's check-ins close. */
  @Column({ type: 'text' })
  cutoff: string;

  /** Canonical IANA zone the cut-off and "today" are counted in. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  /** Grid levels that owe a daily check-in, in tree order. */
  @Column({ type: 'text', array: true })
  levels: GridLevel[];

  @Column({ type: 'boolean' })
  enabled: boolean;

  /** +1 on every change; the cut-off timer carries the version it was set for and ignores itself when stale. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
