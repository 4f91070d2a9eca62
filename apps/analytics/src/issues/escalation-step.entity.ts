import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import type { EscalationStepFacts } from './domain/escalation-path';

/** One escalation of one issue; the depth makes it unique, so a replayed escalation adds no step. */
@Entity({ name: 'escalation_steps' })
export class EscalationStep implements EscalationStepFacts {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'issue_id', type: 'text' })
  issueId: string;

  @PrimaryColumn({ type: 'int' })
  depth: number;

  @Column({ name: 'from_level', type: 'text' })
  fromLevel: HolderLevel;

  @Column({ name: 'from_grid_id', type: 'text', nullable: true })
  fromGridId: string | null;

  @Column({ name: 'to_level', type: 'text' })
  toLevel: HolderLevel;

  @Column({ name: 'to_grid_id', type: 'text', nullable: true })
  toGridId: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
