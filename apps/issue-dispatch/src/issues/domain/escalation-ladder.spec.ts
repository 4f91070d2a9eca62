import { GridAncestry, nextHolder } from './escalation-ladder';

const micro: GridAncestry = { gridId: 'm1', level: 'micro', parentId: 'g1' };
const level3: GridAncestry = { gridId: 'g1', level: 'grid', parentId: 'c1' };
const street: GridAncestry = { gridId: 's1', level: 'street', parentId: null };

describe('nextHolder', () => {
  it('moves an issue from a micro-grid to its level-3 parent', () => {
    expect(nextHolder({ level: 'micro', gridId: 'm1' }, micro, level3)).toEqual({ level: 'grid', gridId: 'g1' });
  });

  it('moves an issue held by a street to the district dispatch centre', () => {
    expect(nextHolder({ level: 'street', gridId: 's1' }, street, null)).toEqual({ level: 'district', gridId: null });
  });

  it('sends an issue to the district centre when its grid has vanished from the replica', () => {
    expect(nextHolder({ level: 'community', gridId: 'gone' }, null, null)).toEqual({ level: 'district', gridId: null });
  });

  it('moves an issue from the district centre to the city centre, and no further', () => {
    expect(nextHolder({ level: 'district', gridId: null }, null, null)).toEqual({ level: 'city', gridId: null });
    expect(nextHolder({ level: 'city', gridId: null }, null, null)).toBeNull();
  });
});
