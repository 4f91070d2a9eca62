import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import type { IssueFacts, IssueFactState } from './domain/issue-facts';

/** One row per issue, folded from the public issue events (see domain/issue-facts.ts). */
@Entity({ name: 'issue_facts' })
export class IssueFact implements IssueFacts {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'issue_id', type: 'text' })
  issueId: string;

  @Column({ type: 'text', nullable: true })
  category: string | null;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ name: 'origin_grid_id', type: 'text', nullable: true })
  originGridId: string | null;

  @Column({ name: 'origin_level', type: 'text', nullable: true })
  originLevel: HolderLevel | null;

  @Column({ name: 'current_level', type: 'text', nullable: true })
  currentLevel: HolderLevel | null;

  @Column({ name: 'current_grid_id', type: 'text', nullable: true })
  currentGridId: string | null;

  @Column({ name: 'escalation_depth', type: 'int' })
  escalationDepth: number;

  @Column({ type: 'boolean' })
  critical: boolean;

  @Column({ type: 'text' })
  state: IssueFactState;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;
}
