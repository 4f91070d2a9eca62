import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import type { IssueState } from './domain/case-state-machine';
import type { PolicySnapshot } from './domain/resolve-policy';
import type { RejectionReason } from '@gridline/contracts';

export type { IssueState };
export type IssueChannel = 'resident' | 'patrol' | 'visit';

@Entity({ name: 'issues' })
export class Issue {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  channel: IssueChannel;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** Where the report was made (WGS84), when it came with a location. */
  @Column({ name: 'location_lon', type: 'double precision', nullable: true })
  locationLon: number | null;

  @Column({ name: 'location_lat', type: 'double precision', nullable: true })
  locationLat: number | null;

  /** Personal data: stays in this service's tables, never in events. null once erased (see `contactErasedAt`). */
  @Column({ name: 'reporter_name', type: 'text', nullable: true })
  reporterName: string | null;

  @Column({ name: 'reporter_phone', type: 'text', nullable: true })
  reporterPhone: string | null;

  /** The reporter's token subject: residents may follow only the issues they reported. */
  @Column({ name: 'reporter_subject', type: 'text', nullable: true })
  reporterSubject: string | null;

  /** The grid the issue was first dispatched to. */
  @Column({ name: 'origin_grid_id', type: 'text', nullable: true })
  originGridId: string | null;

  @Column({ name: 'holder_grid_id', type: 'text', nullable: true })
  holderGridId: string | null;

  @Column({ name: 'holder_level', type: 'text' })
  holderLevel: HolderLevel;

  @Column({ type: 'text' })
  state: IssueState;

  @Column({ name: 'escalation_depth', type: 'int' })
  escalationDepth: number;

  @Column({ type: 'boolean' })
  critical: boolean;

  /** The category's windows as they were at dispatch; later policy edits do not touch issues in flight. */
  @Column({ name: 'policy_snapshot', type: 'jsonb' })
  policySnapshot: PolicySnapshot;

  @Column({ name: 'ack_deadline', type: 'timestamptz', nullable: true })
  ackDeadline: Date | null;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  /** The correlation id of the report; every later event of this issue carries it. */
  @Column({ name: 'correlation_id', type: 'text' })
  correlationId: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  /** When the holder must have resolved the case; set while the resolve clock runs. */
  @Column({ name: 'resolve_deadline', type: 'timestamptz', nullable: true })
  resolveDeadline: Date | null = null;

  /** The member handling the case (token subject): who acknowledged it, or whom it was reassigned to. */
  @Column({ name: 'assignee_subject', type: 'text', nullable: true })
  assigneeSubject: string | null = null;

  @Column({ name: 'work_started_at', type: 'timestamptz', nullable: true })
  workStartedAt: Date | null = null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Column({ name: 'resolved_on_time', type: 'boolean', nullable: true })
  resolvedOnTime: boolean | null = null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null = null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  /** Failed verifications (返工). */
  @Column({ name: 'rework_count', type: 'int', default: 0 })
  reworkCount: number = 0;

  /** Approved extensions (延期). */
  @Column({ name: 'extension_count', type: 'int', default: 0 })
  extensionCount: number = 0;

  /** A pending extension request: the deadline asked for, and why. */
  @Column({ name: 'extension_requested_until', type: 'timestamptz', nullable: true })
  extensionRequestedUntil: Date | null = null;

  @Column({ name: 'extension_reason', type: 'text', nullable: true })
  extensionReason: string | null = null;

  /** Parked (挂账): clocks paused; the time each had left is kept here until un-parking. */
  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true })
  parkedAt: Date | null = null;

  @Column({ name: 'parked_reason', type: 'text', nullable: true })
  parkedReason: string | null = null;

  @Column({
    name: 'paused_ack_ms',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  pausedAckMs: number | null = null;

  @Column({
    name: 'paused_resolve_ms',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  pausedResolveMs: number | null = null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: RejectionReason | null = null;

  /** For a rejected duplicate: the case it duplicates. */
  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf: string | null = null;

  /** The reporter's rating of the closed case, once. */
  @Column({ type: 'smallint', nullable: true })
  rating: number | null = null;

  @Column({ name: 'rating_comment', type: 'text', nullable: true })
  ratingComment: string | null = null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null = null;

  @VersionColumn()
  version: number;

  // ── Intake (issue 4, migration 1764510000000): photos, private e-mail, source, duplicate matching ──────────

  /** Photos by URL (http/https, at most 5), given by the reporter. */
  @Column({ name: 'photo_urls', type: 'text', array: true, default: () => "'{}'" })
  photoUrls: string[];

  /** Personal data, like the phone: stays in this service's tables, never in events or public views. */
  @Column({ name: 'reporter_email', type: 'text', nullable: true })
  reporterEmail: string | null;

  /** Where the report came in: our REST API or an Open311 civic app. */
  @Column({ name: 'intake_source', type: 'text', default: 'rest' })
  intakeSource: IntakeSource;

  /** The Open311 API key (the civic app) that posted it, if any. */
  @Column({ name: 'intake_app_id', type: 'uuid', nullable: true })
  intakeAppId: string | null;

  /** Open311 extras (device_id, account_id, attribute answers): private, staff only. */
  @Column({ name: 'intake_details', type: 'jsonb', default: () => "'{}'" })
  intakeDetails: IntakeDetails;

  /** The normalised address the report named, to find reports of the same place. */
  @Column({ name: 'address_key', type: 'text', nullable: true })
  addressKey: string | null;

  // ── Personal data (migration 1764620000000, docs/adr/0022) ─────────────────────────────────────────────────

  /** When the reporter's contact is due to be erased: the district's retention period after the case finished. */
  @Column({ name: 'contact_erase_after', type: 'timestamptz', nullable: true })
  contactEraseAfter: Date | null = null;

  /** When the contact (name, phone, e-mail, Open311 device and account ids) was erased; the case is kept. */
  @Column({ name: 'contact_erased_at', type: 'timestamptz', nullable: true })
  contactErasedAt: Date | null = null;

  @Column({ name: 'contact_erased_because', type: 'text', nullable: true })
  contactErasedBecause: ContactErasureReason | null = null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type IntakeSource = 'rest' | 'open311';

/** Why a reporter's contact is gone: the retention period after the case finished, or the reporter asked. */
export type ContactErasureReason = 'retention-period' | 'reporter-request';

export interface IntakeDetails {
  readonly deviceId?: string;
  readonly accountId?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}
