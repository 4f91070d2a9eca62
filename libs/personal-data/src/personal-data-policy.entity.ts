import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A district's retention period for the contacts this service holds; no row → the configured default. */
@Entity({ name: 'personal_data_policies' })
export class PersonalDataPolicy {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'contact_retention_seconds', type: 'int' })
  contactRetentionSeconds: number;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
