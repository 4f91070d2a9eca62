import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlaceKind } from '@gridline/contracts';

/** A courtyard (院), building, stairwell (单元) or point of interest, and the grid responsible for it. */
@Entity({ name: 'places' })
export class Place {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId: string;

  /** The courtyard of a building, the building of a stairwell; same district (a composite foreign key holds it). */
  @Column({ name: 'parent_place_id', type: 'uuid', nullable: true })
  parentPlaceId: string | null;

  @Column({ type: 'text' })
  kind: PlaceKind;

  @Column({ type: 'text' })
  name: string;

  /** Normalised (see @gridline/location normaliseAddress); unique in the district. */
  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
