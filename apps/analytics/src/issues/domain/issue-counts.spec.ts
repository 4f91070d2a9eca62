import { summariseIssueCounts } from './issue-counts';

describe('summariseIssueCounts', () => {
  it('rolls level × category cells up by level and by category, with totals', () => {
    const counts = summariseIssueCounts([
      { level: 'community', category: 'fire-lane', count: 2, acknowledged: 1, escalated: 2 },
      { level: 'micro', category: 'fire-lane', count: 3, acknowledged: 0, escalated: 0 },
      { level: 'micro', category: 'street-lighting', count: 1, acknowledged: 1, escalated: 0 },
    ]);
    expect(counts.byLevel).toEqual([
      { level: 'micro', count: 4 },
      { level: 'grid', count: 0 },
      { level: 'community', count: 2 },
      { level: 'street', count: 0 },
      { level: 'district', count: 0 },
      { level: 'city', count: 0 },
    ]);
    expect(counts.byCategory).toEqual([
      { category: 'fire-lane', count: 5 },
      { category: 'street-lighting', count: 1 },
    ]);
    expect(counts.byLevelAndCategory).toEqual([
      { level: 'micro', category: 'fire-lane', count: 3 },
      { level: 'micro', category: 'street-lighting', count: 1 },
      { level: 'community', category: 'fire-lane', count: 2 },
    ]);
    expect(counts).toMatchObject({ total: 6, acknowledged: 2, escalated: 2 });
  });

  it('reports every level as zero for a district without issues', () => {
    const counts = summariseIssueCounts([]);
    expect(counts.byLevel).toHaveLength(6);
    expect(counts.byLevel.every((entry) => entry.count === 0)).toBe(true);
    expect(counts).toMatchObject({ byCategory: [], byLevelAndCategory: [], total: 0 });
  });

  it('lists issues nobody holds yet under "unassigned", after the city centre', () => {
    const counts = summariseIssueCounts([
      { level: 'unassigned', category: 'fire-lane', count: 1, acknowledged: 0, escalated: 0 },
    ]);
    expect(counts.byLevel[counts.byLevel.length - 1]).toEqual({ level: 'unassigned', count: 1 });
  });
});
