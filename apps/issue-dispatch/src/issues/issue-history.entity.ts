import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';

/** Append-only trace of who held an issue and what happened, for accountability trace-back (责任倒查). */
@Entity({ name: 'issue_history' })
export class IssueHistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @Column({ type: 'text' })
  action: 'reported' | 'dispatched' | 'escalated' | 'acknowledged' | 'reminded';

  @Column({ type: 'text' })
  actor: string;

  @Column({ name: 'holder_level', type: 'text' })
  holderLevel: HolderLevel;

  @Column({ name: 'holder_grid_id', type: 'text', nullable: true })
  holderGridId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
