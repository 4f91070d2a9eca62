import { Column, Entity, PrimaryColumn } from 'typeorm';

export const importKinds = ['grids', 'places', 'members', 'geojson'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importJobStatuses = ['validating', 'applying', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** The error of a failed job, as the synchronous request would have answered it. */
export interface ImportJobError {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly details: ReadonlyArray<{ readonly line?: number; readonly field: string; readonly reason: string }>;
}

/** One import run in the background (`?async=true`): its progress and, once finished, its result or error. */
@Entity({ name: 'import_jobs' })
export class ImportJob {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'text' })
  kind: ImportKind;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun: boolean;

  @Column({ type: 'text' })
  status: ImportJobStatus;

  @Column({ type: 'int' })
  processed: number;

  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'jsonb', nullable: true })
  result: object | null;

  @Column({ type: 'jsonb', nullable: true })
  error: ImportJobError | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'heartbeat_at', type: 'timestamptz' })
  heartbeatAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
