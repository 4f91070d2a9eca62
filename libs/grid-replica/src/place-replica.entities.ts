import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BoundaryGeometry } from '@gridline/location';

/**
 * A grid's boundary as another service knows it, from grid-registry's compacted grid-boundaries topic. A removed
 * boundary stays as a row with a null boundary and its version, so an older event replayed later cannot bring it back.
 */
@Entity({ name: 'grid_boundary_replica' })
export class GridBoundaryReplica {
  @PrimaryColumn({ name: 'grid_id', type: 'text' })
  gridId: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'jsonb', nullable: true })
  boundary: BoundaryGeometry | null;

  @Column({ name: 'min_lon', type: 'double precision', nullable: true })
  minLon: number | null;

  @Column({ name: 'min_lat', type: 'double precision', nullable: true })
  minLat: number | null;

  @Column({ name: 'max_lon', type: 'double precision', nullable: true })
  maxLon: number | null;

  @Column({ name: 'max_lat', type: 'double precision', nullable: true })
  maxLat: number | null;

  @Column({ type: 'int' })
  version: number;
}

/** A place (courtyard, building, stairwell, point of interest) as another service knows it, from the place-state topic. */
@Entity({ name: 'place_replica' })
export class PlaceReplica {
  @PrimaryColumn({ name: 'place_id', type: 'text' })
  placeId: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'grid_id', type: 'text' })
  gridId: string;

  @Column({ name: 'parent_place_id', type: 'text', nullable: true })
  parentPlaceId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  name: string;

  /** Normalised by grid-registry; look it up with normaliseAddress (@gridline/location). */
  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'int' })
  version: number;
}
