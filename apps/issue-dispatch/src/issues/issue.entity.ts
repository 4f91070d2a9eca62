import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { HolderLevel } from '@gridline/contracts';
import type { AckWindows } from './domain/ack-policy';

export type IssueState = 'dispatched' | 'acknowledged';
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

  /** Personal data: stays in this service's tables, never in events. */
  @Column({ name: 'reporter_name', type: 'text' })
  reporterName: string;

  @Column({ name: 'reporter_phone', type: 'text', nullable: true })
  reporterPhone: string | null;

  /** The reporter's token subject: residents may follow only the issues they reported. */
  @Column({ name: 'reporter_subject', type: 'text', nullable: true })
  reporterSubject: string | null;

  /** The grid the issue was first dispatched to. */
  @Column({ name: 'origin_grid_id', type: 'text' })
  originGridId: string;

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
  policySnapshot: { ackWithinSeconds: AckWindows };

  @Column({ name: 'ack_deadline', type: 'timestamptz', nullable: true })
  ackDeadline: Date | null;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  /** The correlation id of the report; every later event of this issue carries it. */
  @Column({ name: 'correlation_id', type: 'text' })
  correlationId: string;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type IntakeSource = 'rest' | 'open311';

export interface IntakeDetails {
  readonly deviceId?: string;
  readonly accountId?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}
