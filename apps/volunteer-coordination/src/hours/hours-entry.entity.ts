import { Column, Entity, PrimaryColumn } from 'typeorm';

export type HoursEntryKind = 'task' | 'correction' | 'service-shift';

/**
 * One line of the append-only hours ledger (a database trigger refuses UPDATE and DELETE). Minutes, not hours,
 * so totals add up exactly; a correction is a new entry with a reason, possibly negative.
 */
@Entity({ name: 'hours_entries' })
export class HoursEntry {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'text' })
  kind: HoursEntryKind;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @Column({ name: 'offer_id', type: 'uuid', nullable: true })
  offerId: string | null;

  @Column({ name: 'issue_id', type: 'text', nullable: true })
  issueId: string | null;

  /** A service-event shift: the volunteer's sign-up (credited once) and its occurrence. */
  @Column({ name: 'sign_up_id', type: 'uuid', nullable: true })
  signUpId: string | null;

  @Column({ name: 'occurrence_id', type: 'uuid', nullable: true })
  occurrenceId: string | null;

  @Column({ name: 'corrects_entry_id', type: 'uuid', nullable: true })
  correctsEntryId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Where the service was given (the task's grid, or the service event's). */
  @Column({ name: 'grid_id', type: 'text' })
  gridId: string;

  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;
}
