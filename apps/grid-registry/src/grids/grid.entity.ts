import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GridLevel, GridStatus } from '@gridline/contracts';
import type { DedicatedKind } from './domain/dedicated-kind';

/** One grid of a district's tree: a street, community, level-3 grid or micro-grid. */
@Entity({ name: 'grids' })
export class Grid {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  /** Null for a street; otherwise a grid of the same tenant (a composite foreign key enforces it). */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  level: GridLevel;

  /** Hierarchical code, e.g. 41010300100203004; unique per tenant. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Set for a dedicated grid (专属网格) of a school, hospital, market or company. */
  @Column({ type: 'text', nullable: true })
  dedicated: DedicatedKind | null;

  /** Courtyards and buildings this grid holds, in the order given; each is claimed in grid_addresses. */
  @Column({ type: 'text', array: true })
  addresses: string[];

  /** 'retired' once retired (see use-cases/retire-grid): out of the current tree, kept for history. */
  @Column({ type: 'text', default: 'active' })
  status: GridStatus;

  /** Version of the published grid state: 1 at creation, +1 for every change other services can see. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
