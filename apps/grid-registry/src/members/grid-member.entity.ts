import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MemberRole } from '@gridline/contracts';

/**
 * A person's membership of one grid in one role: the one entity of the `members` table (`grids/` uses it as
 * `Member` for leaders). Ending a membership keeps the row (`endedAt` set): who served where, and when, is
 * history. The phone stays for the district's retention period after the end, then is erased (`phoneErasedAt`).
 */
@Entity({ name: 'members' })
export class GridMember {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Column({ type: 'text' })
  name: string;

  /** Personal data: only here, on the internal member-contacts topic and in the logged contact route. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  role: MemberRole;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** +1 on every change of the published state. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** When the phone of the ended membership was erased, the retention period after it ended. */
  @Column({ name: 'phone_erased_at', type: 'timestamptz', nullable: true })
  phoneErasedAt: Date | null = null;
}
