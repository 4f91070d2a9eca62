import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BoundaryGeometry } from '@gridline/location';
import { GridSummary, LocationResolver } from './location-resolver';

const rectangle = (x0: number, y0: number, x1: number, y1: number): BoundaryGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

const grid = (
  gridId: string,
  level: GridSummary['level'],
  dedicated: string | null = null,
  tenantId = 'erqi',
): GridSummary => ({
  gridId,
  tenantId,
  level,
  code: `code-${gridId}`,
  name: gridId,
  dedicated,
});

/** A community with two micro-grids side by side and a school's dedicated level-3 grid over part of both. */
function taoyuan(): LocationResolver {
  const resolver = new LocationResolver(0.001);
  const draw = (summary: GridSummary, boundary: BoundaryGeometry) => {
    resolver.putGrid(summary, 2);
    resolver.setBoundary('erqi', summary.gridId, boundary, 2);
  };
  draw(grid('community', 'community'), rectangle(113.6, 34.7, 113.62, 34.72));
  draw(grid('micro-west', 'micro'), rectangle(113.6, 34.7, 113.61, 34.71));
  draw(grid('micro-east', 'micro'), rectangle(113.61, 34.7, 113.62, 34.71));
  draw(grid('school', 'grid', 'school'), rectangle(113.605, 34.705, 113.615, 34.715));
  return resolver;
}

describe('resolving a location to its responsible grid', () => {
  it('answers the deepest grid containing a point', () => {
    expect(taoyuan().resolvePoint('erqi', 113.602, 34.702)).toEqual({
      grid: grid('micro-west', 'micro'),
      matchedBy: 'boundary',
      placeId: null,
    });
    expect(taoyuan().resolvePoint('erqi', 113.618, 34.718)?.grid.gridId).toBe('community');
  });

  it('lets the dedicated grid win over the deeper micro-grid it overlaps', () => {
    expect(taoyuan().resolvePoint('erqi', 113.607, 34.707)?.grid.gridId).toBe('school');
    expect(taoyuan().resolvePoint('erqi', 113.613, 34.707)?.grid.gridId).toBe('school');
  });

  it('settles a point on the edge two micro-grids share the same way every time', () => {
    const onEdge = taoyuan().resolvePoint('erqi', 113.61, 34.702)?.grid.gridId;
    expect(onEdge).toBe('micro-east'); // same level and area: the lower code wins
  });

  it('finds nothing outside every boundary, or in another district', () => {
    expect(taoyuan().resolvePoint('erqi', 113.7, 34.7)).toBeNull();
    expect(taoyuan().resolvePoint('jinshui', 113.602, 34.702)).toBeNull();
  });

  it('resolves an address however it is spelled to the grid of its place', () => {
    const resolver = taoyuan();
    resolver.putPlace({ placeId: 'p-22', tenantId: 'erqi', gridId: 'micro-east', address: '汝河路22号院' });
    expect(resolver.resolveAddress('erqi', ' 汝河路 ２２号院')).toEqual({
      grid: grid('micro-east', 'micro'),
      matchedBy: 'address',
      placeId: 'p-22',
    });
    expect(resolver.resolveAddress('erqi', '汝河路23号院')).toBeNull();
    expect(resolver.resolveAddress('jinshui', '汝河路22号院')).toBeNull();
  });

  it('follows a redrawn boundary and a removed one', () => {
    const resolver = taoyuan();
    resolver.setBoundary('erqi', 'micro-west', rectangle(113.63, 34.7, 113.64, 34.71), 3);
    expect(resolver.resolvePoint('erqi', 113.602, 34.702)?.grid.gridId).toBe('community');
    expect(resolver.resolvePoint('erqi', 113.635, 34.705)?.grid.gridId).toBe('micro-west');
    resolver.removeBoundary('erqi', 'micro-west', 4);
    expect(resolver.resolvePoint('erqi', 113.635, 34.705)).toBeNull();
    expect(resolver.size.boundaries).toBe(3);
  });

  it('ignores a change older than the one it already applied', () => {
    const resolver = taoyuan();
    resolver.removeBoundary('erqi', 'micro-west', 5);
    expect(resolver.setBoundary('erqi', 'micro-west', rectangle(113.6, 34.7, 113.61, 34.71), 4)).toBe(false);
    expect(resolver.resolvePoint('erqi', 113.602, 34.702)?.grid.gridId).toBe('community');
  });

  it('answers with the grid as it was last told, e.g. after the grid became dedicated', () => {
    const resolver = taoyuan();
    resolver.putGrid(grid('micro-east', 'micro', 'market'), 3);
    expect(resolver.resolvePoint('erqi', 113.613, 34.707)?.grid).toEqual(grid('micro-east', 'micro', 'market'));
    expect(resolver.putGrid(grid('micro-east', 'micro'), 2)).toBe(false);
    expect(resolver.resolvePoint('erqi', 113.613, 34.707)?.grid.dedicated).toBe('market');
  });

  it('files a boundary that arrives before its grid once the grid is known', () => {
    const resolver = new LocationResolver();
    resolver.setBoundary('erqi', 'late', rectangle(1, 1, 2, 2), 2);
    expect(resolver.resolvePoint('erqi', 1.5, 1.5)).toBeNull();
    resolver.putGrid(grid('late', 'micro'), 2);
    expect(resolver.resolvePoint('erqi', 1.5, 1.5)?.grid.gridId).toBe('late');
  });
});

describe('the memory a boundary costs', () => {
  it('keeps the prepared rings, not the GeoJSON it was given, and still re-files the grid when it changes', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const resolver = new LocationResolver(0.001);
    resolver.putGrid(grid('micro-west', 'micro'), 2);
    let geometry: BoundaryGeometry | null = rectangle(113.6, 34.7, 113.61, 34.71);
    const given = new WeakRef(geometry.coordinates);
    resolver.setBoundary('erqi', 'micro-west', geometry, 2);
    geometry = null;
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(given.deref()).toBeUndefined();

    // Made dedicated later: filed again from what was kept, and it now wins over the micro-grid next to it.
    resolver.putGrid(grid('micro-east', 'micro'), 2);
    resolver.setBoundary('erqi', 'micro-east', rectangle(113.6, 34.7, 113.61, 34.71), 2);
    resolver.putGrid(grid('micro-west', 'micro', 'school'), 3);
    expect(resolver.resolvePoint('erqi', 113.605, 34.705)?.grid.gridId).toBe('micro-west');
  });
});
