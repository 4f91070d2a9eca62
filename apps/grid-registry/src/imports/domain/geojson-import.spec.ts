import type { BoundaryGeometry } from '@gridline/location';
import { planBoundaries, readFeatureCollection, readGeoJsonFeatures } from './geojson-import';
import { ImportProblem, problemCollector } from './import-problem';

const square = (x: number): BoundaryGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 34.7],
      [x + 0.01, 34.7],
      [x + 0.01, 34.71],
      [x, 34.71],
      [x, 34.7],
    ],
  ],
});
const grids = new Map([['410103001001000001', { id: 'g1', code: '410103001001000001' }]]);
const feature = (geometry: unknown, properties: Record<string, unknown>) => ({ type: 'Feature', geometry, properties });
const fields = (problems: ImportProblem[]) => problems.map(({ line, field }) => `${line}:${field}`);

describe('GeoJSON import', () => {
  it('refuses a document that is not a FeatureCollection with features, naming why', () => {
    expect(readFeatureCollection('{"type":')).toMatchObject({ ok: false, field: 'body' });
    expect(readFeatureCollection('{"type":"Feature"}')).toMatchObject({ ok: false, field: 'type' });
    expect(readFeatureCollection('{"type":"FeatureCollection","features":[]}')).toMatchObject({
      ok: false,
      field: 'features',
    });
    expect(readFeatureCollection('{"type":"FeatureCollection","features":[{}]}')).toMatchObject({ ok: true });
  });

  it('sorts polygons into boundaries and points into places, naming each problem by feature index and JSON path', () => {
    const { problems, report } = problemCollector();
    const rows = readGeoJsonFeatures(
      [
        feature(square(113.6), { grid_code: '410103001001000001' }),
        feature(
          { type: 'Point', coordinates: [113.605, 34.705] },
          {
            grid_code: '410103001001000001',
            kind: 'courtyard',
            name: '院',
            address: ' 汝河路 22号院',
            parent_address: null,
          },
        ),
        feature({ type: 'LineString', coordinates: [] }, {}),
        feature({ type: 'Point', coordinates: ['113'] }, { kind: 'poi' }),
        { type: 'Thing' },
        feature(square(113.7), {}),
      ],
      report,
    );
    expect(rows.boundaries.map((b) => [b.line, b.gridCode])).toEqual([
      [0, '410103001001000001'],
      [5, ''],
    ]);
    expect(rows.places[0]).toMatchObject({
      line: 1,
      ref: '汝河路22号院',
      address: '汝河路 22号院',
      point: { lon: 113.605, lat: 34.705 },
    });
    expect(rows.places[0].field('gridCode')).toBe('features[1].properties.grid_code');
    expect(fields(problems)).toEqual([
      '2:features[2].geometry.type',
      '3:features[3].geometry.coordinates',
      '4:features[4]',
      '5:features[5].properties.grid_code',
    ]);
  });

  it('validates boundaries like PUT …/boundary and knows a boundary the grid already has', () => {
    const { problems, report } = problemCollector();
    const clockwise = {
      type: 'Polygon',
      coordinates: [
        [
          [113.6, 34.7],
          [113.6, 34.71],
          [113.61, 34.71],
          [113.61, 34.7],
          [113.6, 34.7],
        ],
      ],
    };
    const planned = planBoundaries(
      [
        { line: 0, gridCode: '410103001001000001', geometry: square(113.6) },
        { line: 1, gridCode: '410103001001000001', geometry: square(113.6) },
        { line: 2, gridCode: '999', geometry: clockwise },
      ],
      grids,
      () => square(113.6),
      report,
    );
    expect(planned[0]).toMatchObject({ line: 0, gridId: 'g1', action: 'unchanged' });
    expect(fields(problems)).toEqual([
      '1:features[1].properties.grid_code',
      '2:features[2].properties.grid_code',
      '2:features[2].geometry.coordinates[0]',
    ]);
  });
});
