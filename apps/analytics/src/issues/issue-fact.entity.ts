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

  @Column({ name: 'holder_since', type: 'timestamptz', nullable: true })
  holderSince: Date | null;

  @Column({ name: 'escalation_depth', type: 'int' })
  escalationDepth: number;

  @Column({ type: 'boolean' })
  critical: boolean;

  @Column({ type: 'text' })
  state: IssueFactState;

  @Column({ type: 'boolean' })
  parked: boolean;

  @Column({ name: 'ack_deadline', type: 'timestamptz', nullable: true })
  ackDeadline: Date | null;

  @Column({ name: 'resolve_deadline', type: 'timestamptz', nullable: true })
  resolveDeadline: Date | null;

  @Column({ name: 'current_deadline', type: 'timestamptz', nullable: true })
  currentDeadline: Date | null;

  @Column({ name: 'rework_count', type: 'int' })
  reworkCount: number;

  @Column({ name: 'extension_count', type: 'int' })
  extensionCount: number;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ name: 'reported_at', type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_on_time', type: 'boolean', nullable: true })
  closedOnTime: boolean | null;

  @Column({ name: 'last_event_at', type: 'timestamptz', nullable: true })
  lastEventAt: Date | null;
}
