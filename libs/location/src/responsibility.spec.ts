import { compareResponsibility, mostResponsible, ResponsibilityCandidate } from './responsibility';

const grid = (
  gridId: string,
  level: ResponsibilityCandidate['level'],
  extra: Partial<ResponsibilityCandidate> = {},
): ResponsibilityCandidate => ({
  gridId,
  level,
  dedicated: false,
  area: 1,
  code: gridId,
  ...extra,
});

describe('resolve precedence', () => {
  it('picks the deepest grid containing the point', () => {
    const chosen = mostResponsible([
      grid('street', 'street', { area: 100 }),
      grid('micro', 'micro', { area: 1 }),
      grid('community', 'community', { area: 10 }),
    ]);
    expect(chosen?.gridId).toBe('micro');
  });

  it('lets a dedicated grid win over a plain grid at the same level', () => {
    expect(mostResponsible([grid('plain', 'micro'), grid('school', 'micro', { dedicated: true })])?.gridId).toBe(
      'school',
    );
  });

  it('lets a dedicated grid win over a deeper plain grid', () => {
    const chosen = mostResponsible([
      grid('micro', 'micro', { area: 1 }),
      grid('hospital', 'community', { dedicated: true, area: 20 }),
    ]);
    expect(chosen?.gridId).toBe('hospital');
  });

  it('picks the deepest of several dedicated grids', () => {
    const chosen = mostResponsible([
      grid('campus', 'community', { dedicated: true, area: 20 }),
      grid('clinic', 'micro', { dedicated: true, area: 1 }),
      grid('micro', 'micro'),
    ]);
    expect(chosen?.gridId).toBe('clinic');
  });

  it('prefers the smaller of two overlapping grids of one level, then the lower code', () => {
    expect(mostResponsible([grid('big', 'micro', { area: 4 }), grid('small', 'micro', { area: 2 })])?.gridId).toBe(
      'small',
    );
    expect(mostResponsible([grid('b', 'micro', { code: '2' }), grid('a', 'micro', { code: '1' })])?.gridId).toBe('a');
  });

  it('answers the same whatever order the candidates come in', () => {
    const candidates = [
      grid('a', 'micro', { code: '1' }),
      grid('b', 'micro', { code: '1' }),
      grid('c', 'grid'),
      grid('d', 'micro', { code: '1' }),
    ];
    const forward = mostResponsible(candidates)?.gridId;
    expect(mostResponsible([...candidates].reverse())?.gridId).toBe(forward);
    expect([...candidates].sort(compareResponsibility).map((c) => c.gridId)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('has no answer without candidates', () => {
    expect(mostResponsible([])).toBeNull();
  });
});
