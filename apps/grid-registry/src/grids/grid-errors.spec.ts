import { GridErrors } from './grid-errors';

const street = { name: '建中街街道', code: '410103001' };

/** The messages clients and the integration specs read, word for word, for each way a code is raised. */
describe('GridErrors', () => {
  it('GRID_NOT_FOUND: now, and at an instant of the history', () => {
    expect(GridErrors.GRID_NOT_FOUND('erqi', 'g-1').message).toBe('grid g-1 does not exist in district erqi');
    const asOf = GridErrors.GRID_NOT_FOUND('erqi', 'g-1', new Date('2026-01-02T03:04:05Z'));
    expect([asOf.status, asOf.code, asOf.message]).toEqual([
      404,
      'GRID_NOT_FOUND',
      'grid g-1 did not exist in district erqi at 2026-01-02T03:04:05.000Z',
    ]);
  });

  it('DUPLICATE_GRID_NAME: found by the checks, by the unique index, or in a tree change', () => {
    expect(GridErrors.DUPLICATE_GRID_NAME({ name: '长江社区', parent: street }).message).toBe(
      'grid 建中街街道 (410103001) already has a child named 长江社区',
    );
    expect(GridErrors.DUPLICATE_GRID_NAME({ name: '北街', parent: null }).message).toBe(
      'the district already has a street named 北街',
    );
    expect(GridErrors.DUPLICATE_GRID_NAME({ name: '北街', underSameParent: true }).message).toBe(
      'a grid named 北街 already exists under the same parent',
    );
    expect(GridErrors.DUPLICATE_GRID_NAME({ clash: 'two parts share a name' }).message).toBe('two parts share a name');
  });

  it('CONCURRENT_CHANGE: a change, an import, or a leader', () => {
    expect(GridErrors.CONCURRENT_CHANGE({ districtChangedWhile: 'the grid was being moved' }).message).toBe(
      'the district changed while the grid was being moved; retry the request',
    );
    expect(
      GridErrors.CONCURRENT_CHANGE({ districtChangedWhile: 'the file was being imported', nothingImported: true })
        .message,
    ).toBe('the district changed while the file was being imported; nothing was imported, retry the request');
    const leader = GridErrors.CONCURRENT_CHANGE({ leaderOfGrid: 'g-1' });
    expect([leader.status, leader.message]).toEqual([
      409,
      'the leader of grid g-1 changed meanwhile; retry the request',
    ]);
  });

  it('GRID_CODE_SPACE_FULL and ADDRESS_TAKEN keep their wording and details', () => {
    expect(GridErrors.GRID_CODE_SPACE_FULL({ holder: 'district erqi', holds: 999, level: 'street' }).message).toBe(
      "district erqi already holds 999 grids of level 'street', the most its code allows",
    );
    expect(GridErrors.GRID_CODE_SPACE_FULL({ parent: street, issued: 999, level: 'community' }).message).toBe(
      "grid 建中街街道 (410103001) has issued 999 codes of level 'community', the most its code allows",
    );
    const details = [
      { field: 'addresses', reason: 'a is held by 北区 (1)' },
      { field: 'addresses', reason: 'b is held by 南区 (2)' },
    ];
    const taken = GridErrors.ADDRESS_TAKEN('micro', { tenantId: 'erqi', details });
    expect([taken.status, taken.message, taken.details]).toEqual([
      409,
      "an address is already held by another 'micro' grid of district erqi: a is held by 北区 (1); b is held by 南区 (2)",
      details,
    ]);
    expect(GridErrors.ADDRESS_TAKEN('micro').message).toBe(
      "one of the addresses is already held by another 'micro' grid",
    );
  });

  it("a rule's refusal is its reason, with the field it is about", () => {
    const refused = GridErrors.GRID_RETIRED({
      field: 'absorbedGridIds',
      reason: 'grid 北区 is retired and cannot be merged',
    });
    expect([refused.status, refused.code, refused.message, refused.details]).toEqual([
      422,
      'GRID_RETIRED',
      'grid 北区 is retired and cannot be merged',
      [{ field: 'absorbedGridIds', reason: 'grid 北区 is retired and cannot be merged' }],
    ]);
    expect(GridErrors.GRID_RETIRED(street)).toMatchObject({
      message: 'grid 建中街街道 (410103001) is retired and can no longer change',
      details: [],
    });
  });
});
