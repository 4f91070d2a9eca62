import { Availability } from '../../volunteers/domain/availability';
import { SkillClaim } from '../../volunteers/domain/skill-claim';
import { Candidate, completionRate, rankCandidates, TaskToFill } from './rank-candidates';

// Saturday 2026-06-06, 09:00-11:00 in Zhengzhou (UTC+8).
const saturdayMorning = { start: new Date('2026-06-06T01:00:00Z'), end: new Date('2026-06-06T03:00:00Z') };
const street = 'street-songshan';
const community = 'community-taoyuan';
const level3 = 'grid-3';
const micro = 'micro-47';
const taskLineage = [micro, level3, community, street];
const always: Availability = { weekly: [], exceptions: [] };
const firstAid: SkillClaim = {
  skill: 'first-aid',
  level: 2,
  certificateId: 'RC-1',
  certificateExpiresOn: '2027-01-01',
};

function task(overrides: Partial<TaskToFill> = {}): TaskToFill {
  return {
    need: { skill: 'first-aid', minLevel: 1, certificateRequired: false },
    lineage: taskLineage,
    ...saturdayMorning,
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}

function volunteer(volunteerId: string, homeLineage: string[], overrides: Partial<Candidate> = {}): Candidate {
  return {
    volunteerId,
    homeLineage,
    skills: [firstAid],
    availability: always,
    weeklyTaskCap: 3,
    tasksThatWeek: 0,
    recentTasks: 0,
    tasksAccepted: 0,
    tasksCompleted: 0,
    registeredAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

const inMicro = [micro, level3, community, street];
const inSiblingMicro = ['micro-48', level3, community, street];
const inOtherLevel3 = ['micro-90', 'grid-9', community, street];
const inOtherCommunity = ['micro-700', 'grid-70', 'community-other', street];
const ids = (ranked: { volunteerId: string }[]) => ranked.map((r) => r.volunteerId);

describe('rankCandidates', () => {
  it('ranks the same courtyard first, then the level-3 grid, then the community, then the street', () => {
    const ranked = rankCandidates(task(), [
      volunteer('street', inOtherCommunity),
      volunteer('community', inOtherLevel3),
      volunteer('courtyard', inMicro),
      volunteer('level3', inSiblingMicro),
    ]);
    expect(ids(ranked)).toEqual(['courtyard', 'level3', 'community', 'street']);
    expect(ranked.map((r) => [r.matchedGridId, r.closeness])).toEqual([
      [micro, 0],
      [level3, 1],
      [community, 2],
      [street, 3],
    ]);
  });

  it('counts a volunteer living in the level-3 grid itself (no micro-grid) as level-3 close', () => {
    expect(rankCandidates(task(), [volunteer('at-level3', [level3, community, street])])[0]).toMatchObject({
      matchedGridId: level3,
      closeness: 1,
    });
  });

  it('leaves out volunteers of another street', () => {
    expect(rankCandidates(task(), [volunteer('far', ['micro-1', 'grid-1', 'community-1', 'street-other'])])).toEqual(
      [],
    );
  });

  it('within the same closeness, asks the volunteer with the fewest recent tasks first', () => {
    const ranked = rankCandidates(task(), [
      volunteer('busy', inMicro, { recentTasks: 4 }),
      volunteer('rested', inMicro, { recentTasks: 1, registeredAt: new Date('2026-05-01T00:00:00Z') }),
    ]);
    expect(ids(ranked)).toEqual(['rested', 'busy']);
  });

  it('does not trade closeness for fairness: a busy neighbour still comes before a rested stranger', () => {
    expect(
      ids(
        rankCandidates(task(), [
          volunteer('rested-far', inOtherCommunity),
          volunteer('busy-near', inMicro, { recentTasks: 9 }),
        ]),
      ),
    ).toEqual(['busy-near', 'rested-far']);
  });

  it('between equally loaded volunteers, prefers the better completion record, then the earlier registration, then the id', () => {
    const ranked = rankCandidates(task(), [
      volunteer('drops-tasks', inMicro, { tasksAccepted: 4, tasksCompleted: 1 }),
      volunteer('newcomer', inMicro),
      volunteer('finisher', inMicro, { tasksAccepted: 4, tasksCompleted: 4 }),
      volunteer('b-early', inMicro, {
        registeredAt: new Date('2025-01-01T00:00:00Z'),
        tasksAccepted: 2,
        tasksCompleted: 1,
      }),
      volunteer('a-early', inMicro, {
        registeredAt: new Date('2025-01-01T00:00:00Z'),
        tasksAccepted: 2,
        tasksCompleted: 1,
      }),
    ]);
    expect(ids(ranked)).toEqual(['finisher', 'a-early', 'b-early', 'newcomer', 'drops-tasks']);
  });

  it('requires the skill at the asked level, with a certificate valid on the task date', () => {
    const need = { skill: 'first-aid', minLevel: 2, certificateRequired: true };
    const ranked = rankCandidates(task({ need }), [
      volunteer('plumber', inMicro, {
        skills: [{ skill: 'plumbing', level: 3, certificateId: null, certificateExpiresOn: null }],
      }),
      volunteer('beginner', inMicro, { skills: [{ ...firstAid, level: 1 }] }),
      volunteer('expired', inMicro, { skills: [{ ...firstAid, certificateExpiresOn: '2026-06-05' }] }),
      volunteer('no-certificate', inMicro, {
        skills: [{ ...firstAid, certificateId: null, certificateExpiresOn: null }],
      }),
      volunteer('valid-to-the-day', inMicro, { skills: [{ ...firstAid, certificateExpiresOn: '2026-06-06' }] }),
    ]);
    expect(ids(ranked)).toEqual(['valid-to-the-day']);
  });

  it('drops a claim whose certificate expired even when the task does not require one', () => {
    expect(
      rankCandidates(task(), [
        volunteer('expired', inMicro, { skills: [{ ...firstAid, certificateExpiresOn: '2025-12-31' }] }),
      ]),
    ).toEqual([]);
  });

  it('keeps only volunteers available for the whole window, in Shanghai time', () => {
    const saturdayMornings: Availability = { weekly: [{ weekday: 6, from: '08:00', to: '12:00' }], exceptions: [] };
    const ranked = rankCandidates(task(), [
      volunteer('saturday-mornings', inMicro, { availability: saturdayMornings }),
      volunteer('leaves-at-ten', inMicro, {
        availability: { weekly: [{ weekday: 6, from: '08:00', to: '10:00' }], exceptions: [] },
      }),
      volunteer('sundays', inMicro, {
        availability: { weekly: [{ weekday: 7, from: '08:00', to: '12:00' }], exceptions: [] },
      }),
      volunteer('away-that-week', inMicro, {
        availability: {
          ...saturdayMornings,
          exceptions: [{ kind: 'unavailable', fromDate: '2026-06-01', toDate: '2026-06-07' }],
        },
      }),
      volunteer('extra-saturday', inMicro, {
        availability: {
          weekly: [{ weekday: 1, from: '18:00', to: '20:00' }],
          exceptions: [{ kind: 'available', fromDate: '2026-06-06', toDate: '2026-06-06', from: '09:00', to: '11:00' }],
        },
      }),
    ]);
    expect(ids(ranked).sort()).toEqual(['extra-saturday', 'saturday-mornings']);
  });

  it('respects the weekly cap and never asks the same volunteer twice for one task', () => {
    const ranked = rankCandidates(task({ alreadyAsked: new Set(['declined-before']) }), [
      volunteer('at-cap', inMicro, { weeklyTaskCap: 2, tasksThatWeek: 2 }),
      volunteer('under-cap', inMicro, { weeklyTaskCap: 2, tasksThatWeek: 1 }),
      volunteer('declined-before', inMicro),
    ]);
    expect(ids(ranked)).toEqual(['under-cap']);
  });

  it('scores a newcomer between a finisher and someone who drops tasks', () => {
    expect(completionRate(0, 0)).toBe(0.5);
    expect(completionRate(4, 4)).toBeGreaterThan(0.5);
    expect(completionRate(4, 1)).toBeLessThan(0.5);
  });
});

/** A small seeded generator (mulberry32): the same seed draws the same cases, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('rankCandidates, properties over generated neighbourhoods', () => {
  const homes = [
    inMicro,
    inSiblingMicro,
    inOtherLevel3,
    inOtherCommunity,
    ['micro-x', 'grid-x', 'community-x', 'street-other'],
  ];
  const skills = ['first-aid', 'plumbing', 'ladder'];

  function generate(random: () => number, n: number): Candidate[] {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    return Array.from({ length: n }, (_, i) =>
      volunteer(`v${String(i).padStart(3, '0')}`, pick(homes), {
        skills: [
          {
            skill: pick(skills),
            level: 1 + Math.floor(random() * 3),
            certificateId: random() < 0.5 ? 'C' : null,
            certificateExpiresOn: random() < 0.2 ? '2026-01-01' : null,
          },
        ],
        availability:
          random() < 0.5
            ? always
            : { weekly: [{ weekday: 1 + Math.floor(random() * 7), from: '08:00', to: '12:00' }], exceptions: [] },
        weeklyTaskCap: 1 + Math.floor(random() * 3),
        tasksThatWeek: Math.floor(random() * 3),
        recentTasks: Math.floor(random() * 5),
        tasksAccepted: 4,
        tasksCompleted: Math.floor(random() * 5),
        registeredAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 3))),
      }),
    );
  }

  const cases = Array.from({ length: 200 }, (_, seed) => seed + 1);

  it.each([1, 2, 3])('holds for 200 generated neighbourhoods (round %i)', (round) => {
    for (const seed of cases) {
      const random = seeded(seed * 7919 + round);
      const candidates = generate(random, 1 + Math.floor(random() * 40));
      const need = { skill: 'first-aid', minLevel: 1 + Math.floor(random() * 2), certificateRequired: random() < 0.3 };
      const ranked = rankCandidates(task({ need }), candidates);
      const byId = new Map(candidates.map((c) => [c.volunteerId, c]));

      // Every ranked volunteer is eligible: skill, cap, same street.
      for (const r of ranked) {
        const c = byId.get(r.volunteerId)!;
        expect(c.tasksThatWeek).toBeLessThan(c.weeklyTaskCap);
        expect(c.skills.some((s) => s.skill === need.skill && s.level >= need.minLevel)).toBe(true);
        expect(c.homeLineage).toContain(street);
      }
      // Nobody appears twice, and the order is the documented one.
      expect(new Set(ids(ranked)).size).toBe(ranked.length);
      for (let i = 1; i < ranked.length; i += 1) {
        const [a, b] = [ranked[i - 1], ranked[i]];
        expect(a.closeness < b.closeness || (a.closeness === b.closeness && a.recentTasks <= b.recentTasks)).toBe(true);
      }
      // The input order does not matter.
      const shuffled = [...candidates].sort(() => random() - 0.5);
      expect(ids(rankCandidates(task({ need }), shuffled))).toEqual(ids(ranked));
      // Fairness is monotone: one more recent task never moves a volunteer up.
      if (ranked.length > 1) {
        const target = ranked[Math.floor(random() * ranked.length)].volunteerId;
        const busier = candidates.map((c) => (c.volunteerId === target ? { ...c, recentTasks: c.recentTasks + 1 } : c));
        expect(ids(rankCandidates(task({ need }), busier)).indexOf(target)).toBeGreaterThanOrEqual(
          ids(ranked).indexOf(target),
        );
      }
    }
  });
});
