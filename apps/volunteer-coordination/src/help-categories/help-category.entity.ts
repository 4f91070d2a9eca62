import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An issue category of a district that needs volunteer help, and the skill a helper must have. */
@Entity({ name: 'help_categories' })
export class HelpCategory {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  skill: string;

  @Column({ name: 'min_level', type: 'int' })
  minLevel: number;

  @Column({ name: 'certificate_required', type: 'boolean' })
  certificateRequired: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
