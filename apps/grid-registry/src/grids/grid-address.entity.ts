import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GridLevel } from '@gridline/contracts';

/**
 * The claim of one address by one grid. Its primary key makes "one grid per address per level per tenant" a
 * database rule, so two concurrent requests under different parents cannot both take the same courtyard.
 */
@Entity({ name: 'grid_addresses' })
export class GridAddress {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ type: 'text' })
  level: GridLevel;

  @PrimaryColumn({ type: 'text' })
  address: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;
}
