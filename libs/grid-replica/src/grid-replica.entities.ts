import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GridLevel } from '@gridline/contracts';

/** A district as another service knows it, rebuilt from grid-registry's compacted tenant-state topic. */
@Entity({ name: 'tenant_replica' })
export class TenantReplica {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'division_code', type: 'text' })
  divisionCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  version: number;
}

/** A grid as another service knows it, rebuilt from grid-registry's compacted grid-state topic. */
@Entity({ name: 'grid_replica' })
export class GridReplica {
  @PrimaryColumn({ name: 'grid_id', type: 'text' })
  gridId: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  level: GridLevel;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  dedicated: string | null;

  @Column({ type: 'text', array: true })
  addresses: string[];

  @Column({ type: 'int' })
  version: number;
}
