import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OfferStatus } from './domain/offer-status';

/** One volunteer asked for one task, and what became of it: answered, lapsed, or worked and completed. */
@Entity({ name: 'task_offers' })
export class TaskOffer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  /** The issue of the task; null for a direct request. */
  @Column({ name: 'issue_id', type: 'text', nullable: true })
  issueId: string | null;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ type: 'text' })
  skill: string;

  /** The task's grid (for an issue: the grid it was dispatched to). */
  @Column({ name: 'issue_grid_id', type: 'text' })
  issueGridId: string;

  @Column({ name: 'matched_grid_id', type: 'text' })
  matchedGridId: string;

  @Column({ type: 'text' })
  status: OfferStatus;

  /** The task's start, copied here so weekly caps and fairness count offers without a join. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'offered_at', type: 'timestamptz' })
  offeredAt: Date;

  /** Null only for offers made before offers could lapse. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;
}
