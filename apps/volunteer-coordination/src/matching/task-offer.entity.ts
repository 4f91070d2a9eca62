import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A volunteer was asked to help with an issue. At most one per issue: matching decides once. */
@Entity({ name: 'task_offers' })
export class TaskOffer {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'issue_id', type: 'text' })
  issueId: string;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ type: 'text' })
  skill: string;

  @Column({ name: 'issue_grid_id', type: 'text' })
  issueGridId: string;

  @Column({ name: 'matched_grid_id', type: 'text' })
  matchedGridId: string;

  @Column({ name: 'offered_at', type: 'timestamptz' })
  offeredAt: Date;
}
