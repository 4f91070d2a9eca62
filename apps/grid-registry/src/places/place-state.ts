import type { GridBoundaryState, PlaceState } from '@gridline/contracts';
import type { BBox, BoundaryGeometry } from '@gridline/location';
import { Place } from './place.entity';

/** The whole current state of a place, as published on the compacted place-state topic. */
export function toPlaceState(place: Place): PlaceState {
  return {
    placeId: place.id,
    tenantId: place.tenantId,
    gridId: place.gridId,
    parentPlaceId: place.parentPlaceId,
    kind: place.kind,
    name: place.name,
    address: place.address,
    point: place.lon !== null && place.lat !== null ? { lon: place.lon, lat: place.lat } : null,
    version: place.version,
  };
}

/** A grid's boundary as published on the compacted grid-boundaries topic; null boundary once removed. */
export function toGridBoundaryState(
  tenantId: string,
  gridId: string,
  boundary: { geometry: BoundaryGeometry; bbox: BBox } | null,
  version: number,
): GridBoundaryState {
  return {
    gridId,
    tenantId,
    boundary: boundary ? (boundary.geometry as GridBoundaryState['boundary']) : null,
    bbox: boundary ? [...boundary.bbox] : null,
    version,
  };
}
