import type { BoundaryFeature } from '../api/types';

type Position = [number, number];

/** The outer rings of a Polygon or MultiPolygon. */
function outerRings(feature: BoundaryFeature): Position[][] {
  const { type, coordinates } = feature.geometry;
  if (type === 'Polygon') return [(coordinates as Position[][])[0]];
  return (coordinates as Position[][][]).map((polygon) => polygon[0]);
}

/**
 * Where a grid's cases are drawn: the area-weighted centroid of its largest ring (the shoelace formula), which
 * for the convex-ish shapes of courtyards and communities lies inside them. Public events carry no coordinates,
 * so a case is placed at the grid it was first dispatched to, not at the reporter's point.
 */
export function centroidOf(feature: BoundaryFeature): Position | null {
  let best: { area: number; x: number; y: number } | null = null;
  for (const ring of outerRings(feature)) {
    let area = 0;
    let x = 0;
    let y = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += cross;
      x += (ring[j][0] + ring[i][0]) * cross;
      y += (ring[j][1] + ring[i][1]) * cross;
    }
    if (area === 0) continue;
    const candidate = { area: Math.abs(area / 2), x: x / (3 * area), y: y / (3 * area) };
    if (!best || candidate.area > best.area) best = candidate;
  }
  return best ? [best.x, best.y] : null;
}

export function boundsOf(features: readonly BoundaryFeature[]): [Position, Position] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const feature of features)
    for (const ring of outerRings(feature))
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  return Number.isFinite(minX)
    ? [
        [minX, minY],
        [maxX, maxY],
      ]
    : null;
}

/**
 * Several cases at one grid would sit on one point: spread them on a small sunflower spiral (golden angle),
 * deterministic per position in the list, so markers do not jump on every refresh.
 */
export function spread([x, y]: Position, index: number, stepDegrees = 0.00012): Position {
  if (index === 0) return [x, y];
  const angle = index * 2.399963;
  const radius = stepDegrees * Math.sqrt(index);
  return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
}
