import { checkPlacement } from './grid-tree-rules';

describe('grid tree rules', () => {
  it('places a street at the top of the district, with no parent', () => {
    expect(checkPlacement('street', null)).toEqual({ allowed: true });
  });

  it('refuses a street under any other grid, naming both levels', () => {
    const verdict = checkPlacement('street', 'community');
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed)
      expect(verdict.reason).toBe("a 'street' is the top of the tree and cannot be placed under a 'community'");
    expect(checkPlacement('street', 'street').allowed).toBe(false);
  });

  it('places a community under a street and nowhere else', () => {
    expect(checkPlacement('community', 'street')).toEqual({ allowed: true });
    expect(checkPlacement('community', 'community').allowed).toBe(false);
    expect(checkPlacement('community', 'grid').allowed).toBe(false);
    expect(checkPlacement('community', 'micro').allowed).toBe(false);
  });

  it('places a level-3 grid under a community and nowhere else', () => {
    expect(checkPlacement('grid', 'community')).toEqual({ allowed: true });
    expect(checkPlacement('grid', 'street').allowed).toBe(false);
    expect(checkPlacement('grid', 'grid').allowed).toBe(false);
    expect(checkPlacement('grid', 'micro').allowed).toBe(false);
  });

  it('places a micro-grid under a level-3 grid or directly under a community', () => {
    expect(checkPlacement('micro', 'grid')).toEqual({ allowed: true });
    expect(checkPlacement('micro', 'community')).toEqual({ allowed: true });
  });

  it('never places a micro-grid straight under a street, and says where it belongs', () => {
    expect(checkPlacement('micro', 'street')).toEqual({
      allowed: false,
      reason: "a 'micro' cannot be placed under a 'street': it belongs under a 'grid' or 'community'",
    });
    expect(checkPlacement('micro', 'micro').allowed).toBe(false);
  });

  it('requires a parent for every level below the street', () => {
    for (const level of ['community', 'grid', 'micro'] as const) {
      const verdict = checkPlacement(level, null);
      expect(verdict.allowed).toBe(false);
      if (!verdict.allowed) expect(verdict.reason).toContain(`a '${level}' needs a parent`);
    }
  });
});
