import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GridLevel, GridStatus } from '@gridline/contracts';

/**
 * One period of a grid's place in the tree, [validFrom, validTo): written in the same transaction as every change
 * to the grid (creation, rename, move, re-code, retirement). `validTo` is null for the current row.
 */
@Entity({ name: 'grid_versions' })
export class GridVersion {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  /** The grid's published state version that opened this period. */
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  level: GridLevel;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  dedicated: string | null;

  @Column({ type: 'text' })
  status: GridStatus;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true })
  validTo: Date | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
