import { BoundaryGeometry } from './geometry';
import { geometryContains, locateInPreparedBoundary, prepareBoundary } from './point-in-polygon';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const clockwise = (ring: number[][]) => [...ring].reverse();

const courtyard: BoundaryGeometry = { type: 'Polygon', coordinates: [square(113.6, 34.7, 113.61, 34.71)] };
const withPond: BoundaryGeometry = {
  type: 'Polygon',
  coordinates: [square(0, 0, 10, 10), clockwise(square(4, 4, 6, 6))],
};
/** An L shape: concave, so a ray from the notch crosses the boundary twice. */
const lShape: BoundaryGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 4],
      [0, 4],
      [0, 0],
    ],
  ],
};

describe('point in polygon', () => {
  it('finds a point inside a courtyard and not one beside it', () => {
    expect(geometryContains(courtyard, 113.605, 34.705)).toBe(true);
    expect(geometryContains(courtyard, 113.615, 34.705)).toBe(false);
    expect(geometryContains(courtyard, 113.605, 34.69)).toBe(false);
  });

  it('counts a point on an edge or a vertex as inside (boundaries are closed)', () => {
    const prepared = prepareBoundary(withPond);
    expect(locateInPreparedBoundary(prepared, 0, 5)).toBe('boundary');
    expect(locateInPreparedBoundary(prepared, 10, 10)).toBe('boundary');
    expect(locateInPreparedBoundary(prepared, 5, 4)).toBe('boundary');
    expect(geometryContains(withPond, 0, 5)).toBe(true);
  });

  it('leaves a point in a hole outside', () => {
    expect(geometryContains(withPond, 5, 5)).toBe(false);
    expect(geometryContains(withPond, 2, 5)).toBe(true);
    expect(geometryContains(withPond, 7, 5)).toBe(true);
  });

  it('handles concave rings: the notch of an L is outside', () => {
    expect(geometryContains(lShape, 2, 2)).toBe(false);
    expect(geometryContains(lShape, 0.5, 3)).toBe(true);
    expect(geometryContains(lShape, 3, 0.5)).toBe(true);
  });

  it('is not fooled by a ray through a vertex', () => {
    const diamond: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ],
      ],
    };
    expect(geometryContains(diamond, -0.5, 0)).toBe(true);
    expect(geometryContains(diamond, -2, 0)).toBe(false);
    expect(geometryContains(diamond, 2, 0)).toBe(false);
    expect(geometryContains(diamond, 0, 0)).toBe(true);
  });

  it('looks in every polygon of a MultiPolygon, including an island in a hole', () => {
    const campus: BoundaryGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [square(0, 0, 10, 10), clockwise(square(4, 4, 6, 6))],
        [square(4.5, 4.5, 5.5, 5.5)],
        [square(20, 0, 21, 1)],
      ],
    };
    expect(geometryContains(campus, 5, 5)).toBe(true);
    expect(geometryContains(campus, 4.2, 4.2)).toBe(false);
    expect(geometryContains(campus, 20.5, 0.5)).toBe(true);
    expect(geometryContains(campus, 15, 0.5)).toBe(false);
  });

  it('ignores an altitude', () => {
    const withAltitude: BoundaryGeometry = {
      type: 'Polygon',
      coordinates: [square(0, 0, 1, 1).map(([x, y]) => [x, y, 120])],
    };
    expect(geometryContains(withAltitude, 0.5, 0.5)).toBe(true);
  });
});
