import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BoundaryGeometry } from '@gridline/location';

/** The boundary of one grid: validated GeoJSON geometry plus its bounding box for filtering. */
@Entity({ name: 'grid_boundaries' })
export class GridBoundary {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  @Column({ type: 'jsonb' })
  geometry: BoundaryGeometry;

  @Column({ name: 'min_lon', type: 'double precision' })
  minLon: number;

  @Column({ name: 'min_lat', type: 'double precision' })
  minLat: number;

  @Column({ name: 'max_lon', type: 'double precision' })
  maxLon: number;

  @Column({ name: 'max_lat', type: 'double precision' })
  maxLat: number;

  /** Number of positions, kept to watch boundary sizes without parsing the geometry. */
  @Column({ type: 'int' })
  positions: number;

  /** The grid's version when the boundary was last set. */
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
