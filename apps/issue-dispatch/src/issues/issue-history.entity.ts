import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import type { VolunteerHistoryAction } from '../volunteer-help/domain/volunteer-history-step';

export type IssueHistoryAction =
  | 'reported'
  | 'accepted'
  | 'rejected'
  | 'dispatched'
  | 'escalated'
  | 'acknowledged'
  | 'reminded'
  | 'work-started'
  | 'resolved'
  | 'verified'
  | 'reopened'
  | 'closed'
  | 'rated'
  | 'extension-requested'
  | 'extension-approved'
  | 'extension-denied'
  | 'returned'
  | 'reassigned'
  | 'parked'
  | 'unparked'
  // The reporter's contact erased (retention period passed, or the reporter asked); the case is kept.
  | 'contact-erased'
  // From volunteer-coordination's events (actor `volunteer:<id>` or `system:matching`).
  | VolunteerHistoryAction;

/**
 * Append-only trace of who held an issue and what happened, for accountability trace-back (责任倒查). Rows are
 * only ever inserted: the table refuses UPDATE and DELETE (trigger in migration 1764500000000).
 */
@Entity({ name: 'issue_history' })
export class IssueHistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'issue_id', type: 'uuid' })
  issueId: string;

  @Column({ type: 'text' })
  action: IssueHistoryAction;

  /** The actor's token subject, or `system:…` for the router and the clocks. */
  @Column({ type: 'text' })
  actor: string;

  /** The role the actor acted in (e.g. `leader`, `dispatcher`, `resident`; `system` for clocks). */
  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  /** The grid whose role gave the actor the right to act, if a grid role did. */
  @Column({ name: 'actor_grid_id', type: 'text', nullable: true })
  actorGridId: string | null;

  @Column({ name: 'holder_level', type: 'text' })
  holderLevel: HolderLevel;

  @Column({ name: 'holder_grid_id', type: 'text', nullable: true })
  holderGridId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
