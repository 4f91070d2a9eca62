/**
 * GeoJSON (RFC 7946) shapes as Gridline stores them: WGS84 longitude/latitude in degrees, an optional third
 * number (altitude) ignored by every computation. A ring is closed: its last position repeats its first.
 */
export type Position = readonly number[];
export type LinearRing = readonly Position[];
export type PolygonCoordinates = readonly LinearRing[];

export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: PolygonCoordinates;
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly PolygonCoordinates[];
}

/** What a grid's boundary may be. */
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

/** [minLon, minLat, maxLon, maxLat], the GeoJSON bbox order. */
export type BBox = readonly [number, number, number, number];

export interface LonLat {
  readonly lon: number;
  readonly lat: number;
}

/** The polygons of a boundary, whichever of the two GeoJSON types it is. */
export function polygonsOf(geometry: BoundaryGeometry): readonly PolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
