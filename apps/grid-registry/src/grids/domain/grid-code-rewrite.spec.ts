import { nextUnusedGridCode, rewriteDescendantCodes } from './grid-code-rewrite';

describe('nextUnusedGridCode', () => {
  it('numbers the first grid of a level under a parent 1', () => {
    expect(nextUnusedGridCode('410103001002', 'grid', [])).toBe('41010300100201');
  });

  it('continues after the highest code ever issued, so a code freed by a move is not handed out again', () => {
    // 410103001002 01 moved away; 02 is current: the next level-3 grid is 03, never 01 or 02.
    expect(nextUnusedGridCode('410103001002', 'grid', ['41010300100201', '41010300100202'])).toBe('41010300100203');
    expect(nextUnusedGridCode('410103001002', 'grid', ['41010300100202', '41010300100201'])).toBe('41010300100203');
  });

  it('ignores codes of other levels and deeper descendants under the same prefix', () => {
    // A micro-grid directly under the community (3 digits) and a micro under a level-3 grid (2 + 3 digits).
    const issued = ['410103001002034', '41010300100203004', '41010300100201'];
    expect(nextUnusedGridCode('410103001002', 'grid', issued)).toBe('41010300100202');
    expect(nextUnusedGridCode('410103001002', 'micro', issued)).toBe('410103001002035');
  });

  it('answers null once the sequence space is used up', () => {
    expect(nextUnusedGridCode('410103001002', 'grid', ['41010300100299'])).toBeNull();
  });
});

describe('rewriteDescendantCodes', () => {
  it('keeps each descendant’s own suffix under the moved grid’s new code', () => {
    const recodes = rewriteDescendantCodes('41010300100203', '41010300200105', [
      { gridId: 'm1', code: '41010300100203001' },
      { gridId: 'm2', code: '41010300100203002' },
    ]);
    expect(recodes).toEqual([
      { gridId: 'm1', from: '41010300100203001', to: '41010300200105001' },
      { gridId: 'm2', from: '41010300100203002', to: '41010300200105002' },
    ]);
  });

  it('rewrites a whole community subtree, grandchildren included', () => {
    const recodes = rewriteDescendantCodes('410103001002', '410103003004', [
      { gridId: 'g', code: '41010300100201' },
      { gridId: 'm', code: '41010300100201003' },
    ]);
    expect(recodes.map((r) => r.to)).toEqual(['41010300300401', '41010300300401003']);
  });

  it('throws when a descendant’s code does not extend the moved grid’s code (a broken tree, not bad input)', () => {
    expect(() =>
      rewriteDescendantCodes('410103001002', '410103003004', [{ gridId: 'x', code: '410103009001001' }]),
    ).toThrow(/does not extend/);
  });
});
