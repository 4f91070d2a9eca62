import { boundsOf, centroidOf, spread } from './geometry';
import type { BoundaryFeature } from '../api/types';

const square = (x: number, y: number, size: number): BoundaryFeature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  },
  properties: { gridId: 'g', name: 'g', level: 'micro', parentId: null },
});

describe('map geometry', () => {
  it('puts a grid’s cases at the centroid of its polygon', () => {
    expect(centroidOf(square(113, 34, 2))).toEqual([114, 35]);
  });

  it('uses the largest part of a multipolygon', () => {
    const feature: BoundaryFeature = {
      ...square(0, 0, 1),
      geometry: {
        type: 'MultiPolygon',
        coordinates: [square(0, 0, 1).geometry.coordinates, square(10, 10, 4).geometry.coordinates],
      },
    };
    expect(centroidOf(feature)).toEqual([12, 12]);
  });

  it('frames every boundary', () => {
    expect(boundsOf([square(1, 1, 1), square(5, 3, 2)])).toEqual([
      [1, 1],
      [7, 5],
    ]);
    expect(boundsOf([])).toBeNull();
  });

  it('spreads the cases of one grid apart, the same way every time', () => {
    const points = Array.from({ length: 20 }, (_, index) => spread([0, 0], index));
    expect(new Set(points.map((point) => point.join())).size).toBe(20);
    expect(spread([0, 0], 7)).toEqual(spread([0, 0], 7));
    expect(Math.max(...points.map(([x, y]) => Math.hypot(x, y)))).toBeLessThan(0.001);
  });
});
