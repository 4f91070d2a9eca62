import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WeeklyShift } from './domain/weekly-shift';

/** A grid's weekly duty roster: the whole set of shifts, replaced as one by each PUT. */
@Entity({ name: 'duty_rosters' })
export class DutyRoster {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  /** The zone the shifts were published with (the district's zero-report zone at the time, else Asia/Shanghai). */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  /** In canonical order (`sortShifts`). */
  @Column({ type: 'jsonb' })
  shifts: WeeklyShift[];

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
