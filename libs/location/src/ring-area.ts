import { BoundaryGeometry, LinearRing, polygonsOf } from './geometry';

/**
 * The signed area of a closed ring in square degrees (shoelace formula on lon/lat as plane
 * coordinates). Positive when the ring runs counter-clockwise, negative when clockwise, 0 when degenerate.
 */
export function signedRingArea(ring: LinearRing): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return twice / 2;
}

/**
 * The covered area in square degrees: outer rings minus their holes. Only used to compare grids with each
 * other (a smaller grid is the more specific one), so the distortion of degrees away from the equator, the
 * same for neighbouring grids, does not matter.
 */
export function geometryArea(geometry: BoundaryGeometry): number {
  let area = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      const ringArea = Math.abs(signedRingArea(ring));
      area += index === 0 ? ringArea : -ringArea;
    });
  }
  return area;
}
