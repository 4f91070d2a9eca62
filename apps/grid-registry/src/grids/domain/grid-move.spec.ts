import { checkMove } from './grid-move';

describe('checkMove', () => {
  const community = { gridId: 'c1', level: 'community' as const };

  it('allows a micro-grid to move under a level-3 grid of another community', () => {
    expect(
      checkMove({ gridId: 'm1', level: 'micro' }, { gridId: 'g2', level: 'grid', lineage: ['g2', 'c2', 's1'] }),
    ).toEqual({ allowed: true });
  });

  it('refuses to move a grid under itself', () => {
    expect(checkMove(community, { gridId: 'c1', level: 'community', lineage: ['c1', 's1'] })).toMatchObject({
      allowed: false,
      code: 'MOVE_WOULD_CREATE_CYCLE',
    });
  });

  it('refuses to move a grid under one of its descendants, before looking at levels', () => {
    const verdict = checkMove(community, { gridId: 'g1', level: 'grid', lineage: ['g1', 'c1', 's1'] });
    expect(verdict).toMatchObject({
      allowed: false,
      code: 'MOVE_WOULD_CREATE_CYCLE',
      reason: expect.stringContaining('descendants'),
    });
  });

  it('applies the level rules of creation: a micro-grid never goes straight under a street', () => {
    expect(
      checkMove({ gridId: 'm1', level: 'micro' }, { gridId: 's2', level: 'street', lineage: ['s2'] }),
    ).toMatchObject({
      allowed: false,
      code: 'WRONG_LEVEL_UNDER_PARENT',
    });
  });

  it('refuses to put a street under anything', () => {
    expect(
      checkMove({ gridId: 's1', level: 'street' }, { gridId: 'c9', level: 'community', lineage: ['c9', 's2'] }),
    ).toMatchObject({ code: 'WRONG_LEVEL_UNDER_PARENT' });
  });
});
