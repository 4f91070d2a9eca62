import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MemberRole = 'leader';

/**
 * A person serving a grid. Only leaders (网格长 / 微网格长) exist so far. The phone is personal data: it stays in
 * this table and never appears in events or in grid views.
 */
@Entity({ name: 'members' })
export class Member {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  role: MemberRole;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
