import { MAX_BOUNDARY_POSITIONS, validateBoundary } from './polygon-validation';

/** Counter-clockwise (RFC 7946 outer ring) rectangle. */
const rectangle = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const reversed = <T>(ring: T[]) => [...ring].reverse();

const problemsOf = (input: unknown) => {
  const verdict = validateBoundary(input);
  if (verdict.valid) throw new Error('expected the boundary to be refused');
  return verdict.problems;
};

describe('boundary polygon validation', () => {
  it('accepts a counter-clockwise courtyard and reports its bbox and size', () => {
    const verdict = validateBoundary({ type: 'Polygon', coordinates: [rectangle(113.6, 34.7, 113.61, 34.71)] });
    expect(verdict).toMatchObject({ valid: true, bbox: [113.6, 34.7, 113.61, 34.71], positions: 5 });
  });

  it('accepts a polygon with a clockwise hole and a MultiPolygon with an island in that hole', () => {
    const withHole = [rectangle(0, 0, 10, 10), reversed(rectangle(4, 4, 6, 6))];
    expect(validateBoundary({ type: 'Polygon', coordinates: withHole }).valid).toBe(true);
    expect(
      validateBoundary({
        type: 'MultiPolygon',
        coordinates: [withHole, [rectangle(4.5, 4.5, 5.5, 5.5)], [rectangle(20, 0, 21, 1)]],
      }).valid,
    ).toBe(true);
  });

  it('keeps only type and coordinates of what it accepts', () => {
    const verdict = validateBoundary({ type: 'Polygon', coordinates: [rectangle(0, 0, 1, 1)], bbox: [9, 9, 9, 9] });
    expect(verdict.valid && verdict.geometry).toEqual({ type: 'Polygon', coordinates: [rectangle(0, 0, 1, 1)] });
  });

  it('refuses other geometry types and malformed coordinates, naming the field', () => {
    expect(problemsOf({ type: 'Point', coordinates: [1, 2] })).toEqual([
      { field: 'type', reason: expect.stringContaining("'Polygon' or 'MultiPolygon'") },
    ]);
    expect(problemsOf(null)[0].field).toBe('(body)');
    expect(problemsOf({ type: 'Polygon', coordinates: [] })[0].field).toBe('coordinates');
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            ['1', 1],
            [0, 0],
          ],
        ],
      }),
    ).toEqual([{ field: 'coordinates[0][2]', reason: expect.stringContaining('finite numbers') }]);
  });

  it('refuses coordinates out of range and says longitude comes first', () => {
    const problems = problemsOf({
      type: 'Polygon',
      coordinates: [
        [
          [34.7, 113.6],
          [34.8, 113.6],
          [34.8, 113.7],
          [34.7, 113.6],
        ],
      ],
    });
    expect(problems[0]).toEqual({
      field: 'coordinates[0][0]',
      reason: expect.stringMatching(/latitude 113.6 is outside \[-90, 90\].*longitude first/),
    });
  });

  it('refuses a ring with fewer than four positions', () => {
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      })[0],
    ).toEqual({
      field: 'coordinates[0]',
      reason: expect.stringContaining('at least 4'),
    });
  });

  it('refuses an open ring', () => {
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      })[0],
    ).toEqual({
      field: 'coordinates[0]',
      reason: expect.stringContaining('the outer ring is not closed'),
    });
  });

  it('names the ring with the wrong winding and tells how to fix it', () => {
    expect(problemsOf({ type: 'Polygon', coordinates: [reversed(rectangle(0, 0, 1, 1))] })).toEqual([
      { field: 'coordinates[0]', reason: expect.stringMatching(/the outer ring runs clockwise.*reverse/) },
    ]);
    expect(problemsOf({ type: 'Polygon', coordinates: [rectangle(0, 0, 10, 10), rectangle(4, 4, 6, 6)] })).toEqual([
      { field: 'coordinates[1]', reason: expect.stringMatching(/hole 1 runs counter-clockwise.*holes clockwise/) },
    ]);
    expect(
      problemsOf({
        type: 'MultiPolygon',
        coordinates: [[rectangle(0, 0, 1, 1)], [reversed(rectangle(5, 5, 6, 6))]],
      })[0],
    ).toEqual({
      field: 'coordinates[1][0]',
      reason: expect.stringContaining('the outer ring of polygon 1 runs clockwise'),
    });
  });

  it('refuses a bow-tie that crosses itself', () => {
    const bowTie = [
      [0, 0],
      [2, 2],
      [2, 0],
      [0, 2],
      [0, 0],
    ];
    const problems = problemsOf({ type: 'Polygon', coordinates: [bowTie] });
    expect(problems.some((p) => p.field === 'coordinates[0]' && /intersects itself/.test(p.reason))).toBe(true);
  });

  it('refuses a ring that crosses itself while its signed area still looks counter-clockwise', () => {
    // A big counter-clockwise square with a small clockwise loop tied in at one corner.
    const ring = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 1],
      [-1, 2],
      [-1, 1],
      [1, 1],
      [1, 0.5],
      [0, 0.5],
      [0, 0],
    ];
    expect(problemsOf({ type: 'Polygon', coordinates: [ring] })[0].reason).toContain('intersects itself');
  });

  it('refuses a ring touching itself at a vertex and a spike folding back', () => {
    const figureEight = [
      [0, 0],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
      [1, 1],
      [0, 0],
    ];
    expect(problemsOf({ type: 'Polygon', coordinates: [figureEight] })[0].reason).toContain('intersects itself');
    const spike = [
      [0, 0],
      [2, 0],
      [2, 2],
      [2, 3],
      [2, 2.5],
      [0, 2],
      [0, 0],
    ];
    expect(problemsOf({ type: 'Polygon', coordinates: [spike] })[0].reason).toContain('intersects itself');
  });

  it('refuses a position repeated back to back and a flat ring', () => {
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      })[0],
    ).toEqual({
      field: 'coordinates[0][2]',
      reason: 'position 2 of the outer ring repeats position 1; remove one of them',
    });
    // A flat ring runs back over itself, so it is refused as self-intersecting before its (zero) area is looked at.
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [2, 0],
            [0, 0],
          ],
        ],
      })[0].reason,
    ).toContain('intersects itself');
  });

  it('refuses holes that cross or touch the outer ring, lie outside it or inside each other', () => {
    const outer = rectangle(0, 0, 10, 10);
    expect(problemsOf({ type: 'Polygon', coordinates: [outer, reversed(rectangle(8, 8, 12, 12))] })[0]).toEqual({
      field: 'coordinates[1]',
      reason: expect.stringContaining('hole 1 touches or crosses the outer ring'),
    });
    expect(
      problemsOf({ type: 'Polygon', coordinates: [outer, reversed(rectangle(20, 20, 21, 21))] })[0].reason,
    ).toContain('hole 1 lies outside the outer ring');
    expect(
      problemsOf({
        type: 'Polygon',
        coordinates: [outer, reversed(rectangle(2, 2, 8, 8)), reversed(rectangle(4, 4, 6, 6))],
      })[0].reason,
    ).toContain('hole 2 lies inside hole 1');
  });

  it('refuses overlapping polygons in a MultiPolygon', () => {
    const overlapping = { type: 'MultiPolygon', coordinates: [[rectangle(0, 0, 2, 2)], [rectangle(1, 1, 3, 3)]] };
    expect(problemsOf(overlapping)[0].reason).toContain('touches or crosses');
    const nested = { type: 'MultiPolygon', coordinates: [[rectangle(0, 0, 10, 10)], [rectangle(1, 1, 3, 3)]] };
    expect(problemsOf(nested)[0].reason).toContain('polygon 1 lies inside polygon 0');
  });

  it(`refuses more than ${MAX_BOUNDARY_POSITIONS} positions as too complex, before examining them`, () => {
    const many = Array.from({ length: MAX_BOUNDARY_POSITIONS + 1 }, (_, i) => [Math.cos(i), Math.sin(i)]);
    const verdict = validateBoundary({ type: 'Polygon', coordinates: [many] });
    expect(verdict).toMatchObject({ valid: false, tooComplex: true });
  });

  it('validates a ring of several thousand positions quickly', () => {
    const n = 5000;
    const circle = Array.from({ length: n }, (_, i) => [
      113.6 + 0.01 * Math.cos((2 * Math.PI * i) / n),
      34.7 + 0.01 * Math.sin((2 * Math.PI * i) / n),
    ]);
    circle.push(circle[0]);
    const started = Date.now();
    expect(validateBoundary({ type: 'Polygon', coordinates: [circle] }).valid).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports at most twenty problems', () => {
    const bad = Array.from({ length: 50 }, () => ['x', 'y']);
    expect(problemsOf({ type: 'Polygon', coordinates: [bad] })).toHaveLength(20);
  });
});
