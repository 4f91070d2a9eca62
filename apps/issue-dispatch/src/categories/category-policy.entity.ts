import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import type { Open311AttributeDefinition } from '../intake/domain/open311-attributes';

/** A district's issue category and how long each level has to acknowledge, then resolve, a case of it. */
@Entity({ name: 'category_policies' })
export class CategoryPolicy {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'ack_within_seconds', type: 'jsonb' })
  ackWithinSeconds: Partial<Record<HolderLevel, number>>;

  @Column({ name: 'resolve_within_seconds', type: 'jsonb', default: {} })
  resolveWithinSeconds: Partial<Record<HolderLevel, number>>;

  /** The questions Open311 apps ask for this category; null: the common list (open311AttributesOf). */
  @Column({ name: 'open311_attributes', type: 'jsonb', nullable: true })
  open311Attributes: Open311AttributeDefinition[] | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
