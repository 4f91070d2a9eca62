import { BoundaryGeometry, LinearRing, polygonsOf } from './geometry';

/** Where a point lies relative to a ring or a boundary. */
export type PointLocation = 'inside' | 'boundary' | 'outside';

/**
 * A ring as a flat array [lon0, lat0, lon1, lat1, …] including the closing position: lookups read it millions
 * of times, and typed arrays keep that tight.
 */
export type FlatRing = Float64Array;

export function flattenRing(ring: LinearRing): FlatRing {
  const flat = new Float64Array(ring.length * 2);
  ring.forEach((position, i) => {
    flat[i * 2] = position[0];
    flat[i * 2 + 1] = position[1];
  });
  return flat;
}

/**
 * Ray casting (crossing number) towards +lon, with an exact on-edge test first so a point on an edge or vertex
 * is reported as `boundary` instead of flipping between inside and outside with rounding.
 */
export function locateInRing(ring: FlatRing, lon: number, lat: number): PointLocation {
  let inside = false;
  const last = ring.length - 2;
  for (let i = 0; i < last; i += 2) {
    const x1 = ring[i];
    const y1 = ring[i + 1];
    const x2 = ring[i + 2];
    const y2 = ring[i + 3];
    // On the segment: collinear and within its box.
    if (
      (x2 - x1) * (lat - y1) - (y2 - y1) * (lon - x1) === 0 &&
      lon >= Math.min(x1, x2) &&
      lon <= Math.max(x1, x2) &&
      lat >= Math.min(y1, y2) &&
      lat <= Math.max(y1, y2)
    ) {
      return 'boundary';
    }
    if (y1 > lat !== y2 > lat) {
      const crossLon = x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1);
      if (lon < crossLon) inside = !inside;
    }
  }
  return inside ? 'inside' : 'outside';
}

/** A polygon's rings flattened: the outer ring first, then its holes. */
export type PreparedPolygon = readonly FlatRing[];

/** A boundary ready for repeated point lookups. */
export interface PreparedBoundary {
  readonly polygons: readonly PreparedPolygon[];
}

export function prepareBoundary(geometry: BoundaryGeometry): PreparedBoundary {
  return { polygons: polygonsOf(geometry).map((polygon) => polygon.map(flattenRing)) };
}

/** Inside the outer ring and not inside a hole; the edges of holes and outer rings are `boundary`. */
export function locateInPreparedBoundary(boundary: PreparedBoundary, lon: number, lat: number): PointLocation {
  let onEdge = false;
  for (const [outer, ...holes] of boundary.polygons) {
    const where = locateInRing(outer, lon, lat);
    if (where === 'outside') continue;
    if (where === 'boundary') {
      onEdge = true;
      continue;
    }
    let inHole: PointLocation = 'outside';
    for (const hole of holes) {
      inHole = locateInRing(hole, lon, lat);
      if (inHole !== 'outside') break;
    }
    if (inHole === 'outside') return 'inside';
    if (inHole === 'boundary') onEdge = true;
  }
  return onEdge ? 'boundary' : 'outside';
}

/**
 * Whether a boundary covers a point. Boundaries are closed: a point on an edge belongs to the grid (to both
 * neighbours, when two grids share the edge; the resolve precedence then picks one deterministically).
 */
export function boundaryContains(boundary: PreparedBoundary, lon: number, lat: number): boolean {
  return locateInPreparedBoundary(boundary, lon, lat) !== 'outside';
}

export function geometryContains(geometry: BoundaryGeometry, lon: number, lat: number): boolean {
  return boundaryContains(prepareBoundary(geometry), lon, lat);
}
