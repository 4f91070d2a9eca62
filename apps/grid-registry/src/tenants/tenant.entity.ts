import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A district (区): one tenant of the city deployment, identified by a slug and its administrative division code. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  /** The 6-digit administrative division code, e.g. 410103 for 二七区; the root of every grid code. */
  @Column({ name: 'division_code', type: 'text' })
  divisionCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  /** Version of the published state; replicas keep only the highest they have seen. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
