/** A volunteer as matching sees it: where they live, what they can do, how often they were already asked. */
export interface VolunteerCandidate {
  readonly volunteerId: string;
  readonly homeGridId: string;
  readonly skills: readonly string[];
  readonly offerCount: number;
  readonly registeredAt: Date;
}

export interface MatchRequest {
  /** The grid first, then its parent, up to the street. */
  readonly lineage: readonly string[];
  readonly skill: string;
  readonly candidates: readonly VolunteerCandidate[];
}

export interface VolunteerMatch {
  readonly volunteerId: string;
  /** The grid whose volunteer was chosen: the issue's own grid or the nearest ancestor with a match. */
  readonly matchedGridId: string;
}

/**
 * Chooses who is offered an issue: help comes from as close as possible, so the first grid in the lineage that
 * has a volunteer with the skill wins, and within it the least-asked volunteer (then the longest registered,
 * then the smallest id, so the choice is deterministic). `null` when nobody in the lineage has the skill.
 */
export function chooseVolunteer({ lineage, skill, candidates }: MatchRequest): VolunteerMatch | null {
  for (const gridId of lineage) {
    const here = candidates.filter((c) => c.homeGridId === gridId && c.skills.includes(skill));
    if (here.length === 0) continue;
    const [best] = [...here].sort(byFairness);
    return { volunteerId: best.volunteerId, matchedGridId: gridId };
  }
  return null;
}

function byFairness(a: VolunteerCandidate, b: VolunteerCandidate): number {
  return (
    a.offerCount - b.offerCount ||
    a.registeredAt.getTime() - b.registeredAt.getTime() ||
    (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0)
  );
}
