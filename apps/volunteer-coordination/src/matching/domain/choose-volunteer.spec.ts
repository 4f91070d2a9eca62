import { chooseVolunteer, VolunteerCandidate } from './choose-volunteer';

const lineage = ['micro-47', 'grid-3', 'community-taoyuan', 'street-songshan'];

function volunteer(volunteerId: string, homeGridId: string, overrides: Partial<VolunteerCandidate> = {}): VolunteerCandidate {
  return { volunteerId, homeGridId, skills: ['first-aid'], offerCount: 0, registeredAt: new Date('2026-01-01T00:00:00Z'), ...overrides };
}

describe('chooseVolunteer', () => {
  it('offers the task to a volunteer living in the issue’s own grid when there is one', () => {
    const match = chooseVolunteer({
      lineage,
      skill: 'first-aid',
      candidates: [volunteer('street-helper', 'street-songshan'), volunteer('neighbour', 'micro-47')],
    });
    expect(match).toEqual({ volunteerId: 'neighbour', matchedGridId: 'micro-47' });
  });

  it('walks up to the nearest ancestor grid with a volunteer who has the skill', () => {
    const match = chooseVolunteer({
      lineage,
      skill: 'first-aid',
      candidates: [
        volunteer('street-helper', 'street-songshan'),
        volunteer('community-helper', 'community-taoyuan'),
        volunteer('plumber-next-door', 'micro-47', { skills: ['plumbing'] }),
      ],
    });
    expect(match).toEqual({ volunteerId: 'community-helper', matchedGridId: 'community-taoyuan' });
  });

  it('prefers the volunteer with the fewest offers so far, even when registered later', () => {
    const match = chooseVolunteer({
      lineage,
      skill: 'first-aid',
      candidates: [
        volunteer('busy', 'grid-3', { offerCount: 3, registeredAt: new Date('2025-01-01T00:00:00Z') }),
        volunteer('rested', 'grid-3', { offerCount: 1, registeredAt: new Date('2026-06-01T00:00:00Z') }),
      ],
    });
    expect(match?.volunteerId).toBe('rested');
  });

  it('breaks a tie in offers by the oldest registration, then by id', () => {
    const early = new Date('2025-03-01T00:00:00Z');
    const late = new Date('2025-09-01T00:00:00Z');
    expect(
      chooseVolunteer({ lineage, skill: 'first-aid', candidates: [volunteer('late', 'grid-3', { registeredAt: late }), volunteer('early', 'grid-3', { registeredAt: early })] })
        ?.volunteerId,
    ).toBe('early');
    expect(
      chooseVolunteer({ lineage, skill: 'first-aid', candidates: [volunteer('b', 'grid-3', { registeredAt: early }), volunteer('a', 'grid-3', { registeredAt: early })] })
        ?.volunteerId,
    ).toBe('a');
  });

  it('does not choose a less-asked volunteer further up when a nearer grid has a match', () => {
    const match = chooseVolunteer({
      lineage,
      skill: 'first-aid',
      candidates: [volunteer('near-but-busy', 'grid-3', { offerCount: 9 }), volunteer('far-and-free', 'street-songshan')],
    });
    expect(match).toEqual({ volunteerId: 'near-but-busy', matchedGridId: 'grid-3' });
  });

  it('ignores volunteers whose home grid is outside the lineage, e.g. a sibling courtyard', () => {
    expect(chooseVolunteer({ lineage, skill: 'first-aid', candidates: [volunteer('sibling', 'micro-48')] })).toBeNull();
  });

  it('finds nobody when no volunteer in the lineage has the skill', () => {
    expect(chooseVolunteer({ lineage, skill: 'first-aid', candidates: [volunteer('plumber', 'micro-47', { skills: ['plumbing'] })] })).toBeNull();
    expect(chooseVolunteer({ lineage: [], skill: 'first-aid', candidates: [] })).toBeNull();
  });
});
