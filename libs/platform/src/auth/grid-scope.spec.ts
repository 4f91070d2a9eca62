import { canActOnGrid } from './grid-scope';
import { Identity } from './identity';

const leaderOf = (grid: string): Identity => ({
  subject: 's',
  name: null,
  tenantId: 'erqi',
  roles: [{ role: 'leader', grid }],
});

describe('canActOnGrid', () => {
  const microLineage = ['micro-1', 'level3-1', 'community-1', 'street-1'];

  it('lets a leader act on their grid and everything below it', () => {
    expect(canActOnGrid(leaderOf('community-1'), microLineage)).toBe(true);
    expect(canActOnGrid(leaderOf('micro-1'), microLineage)).toBe(true);
  });

  it('keeps a leader out of a sibling or parent grid', () => {
    expect(canActOnGrid(leaderOf('level3-2'), microLineage)).toBe(false);
    expect(canActOnGrid(leaderOf('micro-1'), ['level3-1', 'community-1', 'street-1'])).toBe(false);
  });

  it('lets district staff act anywhere in the district', () => {
    expect(
      canActOnGrid({ subject: 's', name: null, tenantId: 'erqi', roles: [{ role: 'dispatcher' }] }, microLineage),
    ).toBe(true);
  });

  it('gives residents no grid to act on', () => {
    expect(
      canActOnGrid({ subject: 's', name: null, tenantId: 'erqi', roles: [{ role: 'resident' }] }, microLineage),
    ).toBe(false);
  });
});
