import { Availability } from '../../../../apps/volunteer-coordination/src/volunteers/domain/availability';
import { SkillClaim } from '../../../../apps/volunteer-coordination/src/volunteers/domain/skill-claim';
import { Candidate } from '../../../../apps/volunteer-coordination/src/matching/domain/rank-candidates';
import { SeededRandom } from '@gridline/testing';

export interface VolunteerCityGrid {
  readonly gridId: string;
  readonly tenantId: string;
  readonly parentId: string | null;
  readonly level: 'street' | 'community' | 'grid' | 'micro';
  /** The grid first, up to its street. */
  readonly lineage: readonly string[];
}

export interface VolunteerCity {
  readonly tenants: readonly string[];
  readonly grids: readonly VolunteerCityGrid[];
  readonly micros: readonly VolunteerCityGrid[];
  /** Every volunteer of the city, as ranking sees them, with their district and home grid. */
  readonly volunteers: ReadonlyArray<Candidate & { readonly tenantId: string; readonly homeGridId: string }>;
}

export const rankingSkills = [
  'first-aid',
  'electrical',
  'plumbing',
  'tutoring',
  'elderly-care',
  'haircut',
  'ladder',
  'cleaning',
] as const;
const SHAPE = { streets: 10, communities: 10, level3: 3, micros: 10 };

/**
 * A city for ranking: `districts` × 10 streets × 10 communities × 3 level-3 grids × 10 micro-grids (3,000 micro-grids
 * a district, the scale of the resolve city), and `volunteers` spread over them — most in a micro-grid, some at a
 * level-3 grid or community — with 1-3 skills at random levels (a tenth with an expired certificate), half with
 * weekly windows, caps of 2-5 tasks a week and a random recent load and completion record. Seeded: the same
 * arguments always draw the same city.
 */
export function generateVolunteerCity(districts: number, volunteers: number, seed = 11): VolunteerCity {
  const random = new SeededRandom(seed);
  const grids: VolunteerCityGrid[] = [];
  const tenants: string[] = [];
  const add = (
    tenantId: string,
    parent: VolunteerCityGrid | null,
    level: VolunteerCityGrid['level'],
    index: number,
  ): VolunteerCityGrid => {
    const gridId = `${parent?.gridId ?? tenantId}/${level[0]}${index}`;
    const grid = {
      gridId,
      tenantId,
      parentId: parent?.gridId ?? null,
      level,
      lineage: [gridId, ...(parent?.lineage ?? [])],
    };
    grids.push(grid);
    return grid;
  };
  for (let d = 0; d < districts; d += 1) {
    const tenantId = `rank-d${d}`;
    tenants.push(tenantId);
    for (let s = 0; s < SHAPE.streets; s += 1) {
      const street = add(tenantId, null, 'street', s);
      for (let c = 0; c < SHAPE.communities; c += 1) {
        const community = add(tenantId, street, 'community', c);
        for (let g = 0; g < SHAPE.level3; g += 1) {
          const level3 = add(tenantId, community, 'grid', g);
          for (let m = 0; m < SHAPE.micros; m += 1) add(tenantId, level3, 'micro', m);
        }
      }
    }
  }
  const micros = grids.filter((g) => g.level === 'micro');
  const homes = grids.filter((g) => g.level !== 'street');
  const people = Array.from({ length: volunteers }, () => {
    const home = random.next() < 0.85 ? micros[random.integer(micros.length)] : homes[random.integer(homes.length)];
    const skills = new Map<string, SkillClaim>();
    for (let i = 0, n = 1 + random.integer(3); i < n; i += 1) {
      const skill = rankingSkills[random.integer(rankingSkills.length)];
      skills.set(skill, {
        skill,
        level: 1 + random.integer(3),
        certificateId: random.next() < 0.3 ? `C-${random.integer(1e6)}` : null,
        certificateExpiresOn: random.next() < 0.1 ? '2025-12-31' : null,
      });
    }
    const availability: Availability =
      random.next() < 0.5
        ? { weekly: [], exceptions: [] }
        : {
            weekly: Array.from({ length: 1 + random.integer(3) }, () => ({
              weekday: 1 + random.integer(7),
              from: '08:00',
              to: random.next() < 0.5 ? '12:00' : '20:00',
            })),
            exceptions: [],
          };
    const accepted = random.integer(10);
    return {
      volunteerId: random.uuid(),
      tenantId: home.tenantId,
      homeGridId: home.gridId,
      homeLineage: home.lineage,
      skills: [...skills.values()],
      availability,
      weeklyTaskCap: 2 + random.integer(4),
      tasksThatWeek: random.integer(3),
      recentTasks: random.integer(7),
      tasksAccepted: accepted,
      tasksCompleted: random.integer(accepted + 1),
      registeredAt: new Date(Date.UTC(2025, random.integer(12), 1 + random.integer(28))),
    };
  });
  return { tenants, grids, micros, volunteers: people };
}
