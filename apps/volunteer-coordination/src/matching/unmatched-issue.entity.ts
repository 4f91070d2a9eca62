import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An issue that needed help but found no volunteer with the skill; recorded so a repeat does not re-announce it. */
@Entity({ name: 'unmatched_issues' })
export class UnmatchedIssue {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'issue_id', type: 'text' })
  issueId: string;

  @Column({ type: 'text' })
  skill: string;

  @Column({ name: 'issue_grid_id', type: 'text' })
  issueGridId: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
