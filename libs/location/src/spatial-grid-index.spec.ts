import { SpatialGridIndex } from './spatial-grid-index';

describe('spatial grid index', () => {
  const found = (index: SpatialGridIndex<string>, lon: number, lat: number) => {
    const values: string[] = [];
    index.forEachContaining(lon, lat, (value) => values.push(value));
    return values.sort();
  };

  it('finds every box containing the point, across cell borders', () => {
    const index = new SpatialGridIndex<string>(0.01);
    index.upsert('a', [113.6, 34.7, 113.625, 34.725], 'a');
    index.upsert('b', [113.62, 34.72, 113.63, 34.73], 'b');
    expect(found(index, 113.61, 34.71)).toEqual(['a']);
    expect(found(index, 113.622, 34.722)).toEqual(['a', 'b']);
    expect(found(index, 113.629, 34.729)).toEqual(['b']);
    expect(found(index, 113.64, 34.71)).toEqual([]);
  });

  it('includes the edges of a box', () => {
    const index = new SpatialGridIndex<string>(0.01);
    index.upsert('a', [1, 1, 2, 2], 'a');
    expect(found(index, 2, 2)).toEqual(['a']);
    expect(found(index, 1, 1.5)).toEqual(['a']);
  });

  it('keeps boxes too big for the cells on a list it always checks', () => {
    const index = new SpatialGridIndex<string>(0.001, 100);
    index.upsert('district', [113, 34, 114, 35], 'district');
    index.upsert('courtyard', [113.5, 34.5, 113.5005, 34.5005], 'courtyard');
    expect(found(index, 113.5002, 34.5002)).toEqual(['courtyard', 'district']);
    expect(index.remove('district')).toBe(true);
    expect(found(index, 113.5002, 34.5002)).toEqual(['courtyard']);
  });

  it('replaces an item filed under the same id and forgets removed ones', () => {
    const index = new SpatialGridIndex<string>(0.01);
    index.upsert('a', [0, 0, 1, 1], 'old');
    index.upsert('a', [5, 5, 6, 6], 'new');
    expect(found(index, 0.5, 0.5)).toEqual([]);
    expect(found(index, 5.5, 5.5)).toEqual(['new']);
    expect(index.size).toBe(1);
    index.remove('a');
    expect(found(index, 5.5, 5.5)).toEqual([]);
    expect(index.size).toBe(0);
    expect(index.remove('a')).toBe(false);
  });

  it('works with negative coordinates', () => {
    const index = new SpatialGridIndex<string>(0.5);
    index.upsert('west', [-74.1, 40.6, -73.9, 40.9], 'west');
    expect(found(index, -74.0, 40.7)).toEqual(['west']);
  });
});
