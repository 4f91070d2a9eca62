import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TaskSource = 'issue' | 'request';
export type TaskState = 'open' | 'filled' | 'unfilled';

/**
 * Help needed in a grid: one place for an issue that needs a volunteer, or `needed` places for a grid leader's
 * direct request. Offers are made to ranked candidates until the places are taken or nobody is left.
 */
@Entity({ name: 'volunteer_tasks' })
export class VolunteerTask {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'text' })
  source: TaskSource;

  @Column({ name: 'issue_id', type: 'text', nullable: true })
  issueId: string | null;

  @Column({ name: 'grid_id', type: 'text' })
  gridId: string;

  @Column({ type: 'text' })
  skill: string;

  @Column({ name: 'min_level', type: 'int' })
  minLevel: number;

  @Column({ name: 'certificate_required', type: 'boolean' })
  certificateRequired: boolean;

  @Column({ type: 'int' })
  needed: number;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text' })
  state: TaskState;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
