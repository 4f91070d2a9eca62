import { Availability, isAvailableDuring, localWindow } from '../../volunteers/domain/availability';
import { meetsSkillNeed, SkillClaim, SkillNeed } from '../../volunteers/domain/skill-claim';

/** A volunteer as ranking sees them: where they live, what they can do, when, and how much they did lately. */
export interface Candidate {
  readonly volunteerId: string;
  /** The home grid first, then its parent, up to the street. */
  readonly homeLineage: readonly string[];
  readonly skills: readonly SkillClaim[];
  readonly availability: Availability;
  readonly weeklyTaskCap: number;
  /** Tasks (offers not declined or expired) whose window starts in the same local week as the task's. */
  readonly tasksThatWeek: number;
  /** Tasks offered to them in the fairness period (e.g. the last 30 days), declined and expired ones excepted. */
  readonly recentTasks: number;
  readonly tasksAccepted: number;
  readonly tasksCompleted: number;
  readonly registeredAt: Date;
}

export interface TaskToFill {
  readonly need: SkillNeed;
  /** The task's grid first, then its parent, up to the street. */
  readonly lineage: readonly string[];
  readonly start: Date;
  readonly end: Date;
  readonly timeZone?: string;
  /** Volunteers already asked for this task (whatever they answered): never asked twice. */
  readonly alreadyAsked?: ReadonlySet<string>;
}

export interface RankedCandidate {
  readonly volunteerId: string;
  /** The nearest grid of the task's lineage that also holds the volunteer's home: the task's grid, or an ancestor. */
  readonly matchedGridId: string;
  /** 0 = same grid as the task, 1 = its parent (level-3 grid for a micro-grid), … up to the street. */
  readonly closeness: number;
  readonly recentTasks: number;
  readonly completionRate: number;
}

/**
 * A completion record that does not punish newcomers: (completed + 1) / (accepted + 2), so someone who never
 * took a task stands at 0.5, above a volunteer who dropped most of theirs, below one who finishes them.
 */
export function completionRate(accepted: number, completed: number): number {
  return (completed + 1) / (accepted + 2);
}

/**
 * How close a home is to the task: the position, in the task's lineage, of their nearest common grid; null when
 * none. `positions` maps each grid of the task's lineage to its position (built once per task).
 */
function closenessOf(positions: ReadonlyMap<string, number>, homeLineage: readonly string[]): number | null {
  let best: number | null = null;
  for (const gridId of homeLineage) {
    const position = positions.get(gridId);
    if (position !== undefined && (best === null || position < best)) best = position;
  }
  return best;
}

type Sortable = RankedCandidate & { readonly registeredAt: number };

/**
 * Who should be asked, best first. Required: the skill at the level (certificate valid on the task's date, and
 * present if the task needs one), available for the whole task window, under the weekly cap, living in the same
 * street as the task, not asked before for it. Order: closeness in the grid tree (same micro-grid, then level-3
 * grid, community, street), then fewest recent tasks (fairness), then the better completion record, then the
 * earlier registration, then the smaller id, so equal inputs always give the same order.
 */
export function rankCandidates(task: TaskToFill, candidates: readonly Candidate[]): RankedCandidate[] {
  const window = localWindow(task.start, task.end, task.timeZone);
  const positions = new Map(task.lineage.map((gridId, position) => [gridId, position]));
  const ranked: Sortable[] = [];
  for (const c of candidates) {
    if (task.alreadyAsked?.has(c.volunteerId)) continue;
    if (c.tasksThatWeek >= c.weeklyTaskCap) continue;
    const closeness = closenessOf(positions, c.homeLineage);
    if (closeness === null) continue;
    if (!meetsSkillNeed(c.skills, task.need, window.date)) continue;
    if (!isAvailableDuring(c.availability, window)) continue;
    ranked.push({
      volunteerId: c.volunteerId,
      matchedGridId: task.lineage[closeness],
      closeness,
      recentTasks: c.recentTasks,
      completionRate: completionRate(c.tasksAccepted, c.tasksCompleted),
      registeredAt: c.registeredAt.getTime(),
    });
  }
  ranked.sort(compareRanked);
  return ranked.map(({ registeredAt: _registeredAt, ...candidate }) => candidate);
}

function compareRanked(a: Sortable, b: Sortable): number {
  return (
    a.closeness - b.closeness ||
    a.recentTasks - b.recentTasks ||
    b.completionRate - a.completionRate ||
    a.registeredAt - b.registeredAt ||
    (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0)
  );
}
