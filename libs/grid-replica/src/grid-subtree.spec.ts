import { GridLink, subtreeIds } from './grid-subtree';

describe('subtreeIds', () => {
  const links: GridLink[] = [
    { gridId: 'street', parentId: null },
    { gridId: 'community-a', parentId: 'street' },
    { gridId: 'community-b', parentId: 'street' },
    { gridId: 'grid-a1', parentId: 'community-a' },
    { gridId: 'micro-a1x', parentId: 'grid-a1' },
    { gridId: 'micro-b', parentId: 'community-b' },
    { gridId: 'other-street', parentId: null },
    { gridId: 'other-community', parentId: 'other-street' },
  ];

  it('takes a street with every community, grid and micro-grid below it, and nothing of another street', () => {
    expect(subtreeIds('street', links).sort()).toEqual([
      'community-a',
      'community-b',
      'grid-a1',
      'micro-a1x',
      'micro-b',
      'street',
    ]);
  });

  it('puts the root first', () => {
    expect(subtreeIds('community-a', links)).toEqual(['community-a', 'grid-a1', 'micro-a1x']);
  });

  it('gives a leaf, or an id the links do not know, as itself alone', () => {
    expect(subtreeIds('micro-b', links)).toEqual(['micro-b']);
    expect(subtreeIds('nowhere', links)).toEqual(['nowhere']);
  });

  it('stops at a cycle instead of looping', () => {
    const cyclic: GridLink[] = [
      { gridId: 'a', parentId: 'b' },
      { gridId: 'b', parentId: 'a' },
      { gridId: 'c', parentId: 'b' },
    ];
    expect(subtreeIds('a', cyclic).sort()).toEqual(['a', 'b', 'c']);
  });
});
