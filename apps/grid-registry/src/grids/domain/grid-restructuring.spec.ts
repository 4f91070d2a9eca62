import { checkMerge, checkSplitPlan, RestructuredGrid, SplitHoldings, SplitPart } from './grid-restructuring';

const grid = (id: string, overrides: Partial<RestructuredGrid> = {}): RestructuredGrid => ({
  id,
  name: `grid ${id}`,
  level: 'micro',
  parentId: 'community',
  dedicated: null,
  status: 'active',
  ...overrides,
});

describe('checkMerge', () => {
  it('lets active sibling grids of one level and kind merge', () => {
    expect(checkMerge(grid('a'), [grid('b'), grid('c')])).toEqual({ allowed: true });
  });

  it.each([
    ['MERGE_INTO_ITSELF', grid('a')],
    ['GRID_RETIRED', grid('b', { status: 'retired' })],
    ['MERGE_ACROSS_LEVELS', grid('b', { level: 'grid' })],
    ['MERGE_ACROSS_PARENTS', grid('b', { parentId: 'other-community' })],
    ['MERGE_ACROSS_KINDS', grid('b', { dedicated: 'school' })],
  ])('refuses with %s', (code, absorbed) => {
    expect(checkMerge(grid('a'), [grid('c'), absorbed])).toMatchObject({ allowed: false, code });
  });

  it('refuses a retired survivor', () => {
    expect(checkMerge(grid('a', { status: 'retired' }), [grid('b')])).toMatchObject({
      allowed: false,
      code: 'GRID_RETIRED',
    });
  });
});

describe('checkSplitPlan', () => {
  const holdings: SplitHoldings = {
    childIds: ['m1', 'm2'],
    topPlaceIds: ['p1', 'p2', 'p3'],
    addresses: ['47号院', '汝河路22号院'],
    hasBoundary: false,
  };
  const part = (name: string, overrides: Partial<SplitPart> = {}): SplitPart => ({
    name,
    childIds: [],
    placeIds: [],
    addresses: [],
    hasBoundary: false,
    ...overrides,
  });
  const sound = [
    part('east', { childIds: ['m1'], placeIds: ['p1', 'p2'], addresses: ['47号院'] }),
    part('west', { childIds: ['m2'], placeIds: ['p3'], addresses: ['汝河路22号院'] }),
  ];

  it('accepts a plan that gives everything to exactly one part', () => {
    expect(checkSplitPlan(holdings, sound)).toEqual([]);
  });

  it('names every orphan kind: child grids, places and addresses no part takes', () => {
    const problems = checkSplitPlan(holdings, [part('east', { childIds: ['m1'], placeIds: ['p1'] }), part('west')]);
    expect(problems.map((p) => p.field)).toEqual(['parts[].childIds', 'parts[].placeIds', 'parts[].addresses']);
    expect(problems[1].reason).toContain('2 places (p2, p3)');
  });

  it('refuses an item given to two parts and one the grid does not hold', () => {
    const problems = checkSplitPlan(holdings, [sound[0], { ...sound[1], childIds: ['m2', 'm1', 'stranger'] }]);
    expect(problems).toEqual([
      { field: 'parts[1].childIds', reason: 'child grid m1 is already given to parts[0]' },
      { field: 'parts[1].childIds', reason: 'stranger is not a child grid of the grid being split' },
    ]);
  });

  it('refuses two parts with one name', () => {
    expect(checkSplitPlan(holdings, [sound[0], { ...sound[1], name: 'east' }])).toEqual([
      { field: 'parts[1].name', reason: 'the name east is already used by parts[0]' },
    ]);
  });

  it('asks every part for a boundary when the split grid had one', () => {
    const problems = checkSplitPlan({ ...holdings, hasBoundary: true }, [{ ...sound[0], hasBoundary: true }, sound[1]]);
    expect(problems).toEqual([expect.objectContaining({ field: 'parts[1].boundary' })]);
  });

  it('holds for random plans: a plan is sound exactly when each item has one owner', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round += 1) {
      const items = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => `c${i}`);
      const parts = [part('a'), part('b'), part('c')].map((p) => ({ ...p, childIds: [] as string[] }));
      let owners = 0;
      let sound = true;
      for (const item of items) {
        owners = Math.floor(random() * 4); // 0 → orphan, 1 → one part, 2–3 → several parts
        if (owners !== 1) sound = false;
        for (let k = 0; k < owners; k += 1) parts[k].childIds.push(item);
      }
      const problems = checkSplitPlan({ childIds: items, topPlaceIds: [], addresses: [], hasBoundary: false }, parts);
      expect(problems.length === 0).toBe(sound);
    }
  });
});
