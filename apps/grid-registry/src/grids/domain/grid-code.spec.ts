import { maxSiblings, nextGridCode } from './grid-code';

describe('hierarchical grid codes', () => {
  it('numbers the first street of 二七区 after its division code', () => {
    expect(nextGridCode('410103', 'street', 0)).toBe('410103001');
  });

  it('builds 410103 001 002 03 004 down the tree from street to micro-grid', () => {
    const street = nextGridCode('410103', 'street', 0) as string;
    const community = nextGridCode(street, 'community', 1) as string;
    const level3 = nextGridCode(community, 'grid', 2) as string;
    const micro = nextGridCode(level3, 'micro', 3) as string;
    expect([street, community, level3, micro]).toEqual([
      '410103001',
      '410103001002',
      '41010300100203',
      '41010300100203004',
    ]);
  });

  it('gives a micro-grid directly under a community three digits after the community code', () => {
    expect(nextGridCode('410103001002', 'micro', 0)).toBe('410103001002001');
  });

  it('keeps level-3 grids and micro-grids of one community apart by the width of their sequence', () => {
    const community = '410103001002';
    const level3 = new Set(Array.from({ length: 99 }, (_, i) => nextGridCode(community, 'grid', i)));
    const micros = Array.from({ length: 999 }, (_, i) => nextGridCode(community, 'micro', i));
    expect(micros.some((code) => level3.has(code))).toBe(false);
  });

  it('reports a full parent instead of producing a code that no longer fits', () => {
    expect(maxSiblings('grid')).toBe(99);
    expect(nextGridCode('410103001002', 'grid', 98)).toBe('41010300100299');
    expect(nextGridCode('410103001002', 'grid', 99)).toBeNull();
    expect(nextGridCode('410103', 'street', 999)).toBeNull();
  });

  it('rejects a negative or fractional sibling count as a programming error', () => {
    expect(() => nextGridCode('410103', 'street', -1)).toThrow(RangeError);
    expect(() => nextGridCode('410103', 'street', 1.5)).toThrow(RangeError);
  });
});
