import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Availability } from '../volunteers/domain/availability';
import { localWeekBounds } from '../volunteers/domain/local-time';
import { SkillClaim } from '../volunteers/domain/skill-claim';
import { Candidate } from './domain/rank-candidates';
import { assignedStatuses, loadStatuses } from './domain/offer-status';

/** Fairness looks back this far: a volunteer who helped a lot this month is asked after one who did not. */
export const FAIRNESS_PERIOD_DAYS = 30;

export interface CandidateQuery {
  readonly tenantId: string;
  /** The street the task's grid belongs to: closeness ends there. */
  readonly streetId: string;
  readonly skill: string;
  readonly startsAt: Date;
  readonly timeZone: string;
  readonly now: Date;
}

interface CandidateRow {
  id: string;
  skill_claims: SkillClaim[];
  availability: Availability;
  weekly_task_cap: number;
  registered_at: Date;
  home_lineage: string[];
  tasks_that_week: number;
  recent_tasks: number;
  tasks_accepted: number;
  tasks_completed: number;
}

/**
 * Gathers the people ranking needs to see: volunteers with the skill whose home is anywhere in the task's
 * street (the street's subtree from the grid replica, each grid with its path up to the street), with their
 * load that week, in the fairness period and overall, counted from their offers.
 */
@Injectable()
export class CandidatePool {
  async gather(manager: EntityManager, query: CandidateQuery): Promise<Candidate[]> {
    const week = localWeekBounds(query.startsAt, query.timeZone);
    const since = new Date(query.now.getTime() - FAIRNESS_PERIOD_DAYS * 24 * 60 * 60 * 1000);
    const rows: CandidateRow[] = await manager.query(
      `WITH RECURSIVE subtree AS (
         SELECT g.grid_id, ARRAY[g.grid_id] AS path FROM grid_replica g WHERE g.tenant_id = $1 AND g.grid_id = $2
         UNION ALL
         SELECT c.grid_id, c.grid_id || s.path FROM grid_replica c JOIN subtree s ON c.parent_id = s.grid_id
          WHERE c.tenant_id = $1 AND cardinality(s.path) < 16
       )
       SELECT v.id, v.skill_claims, v.availability, v.weekly_task_cap, v.registered_at, s.path AS home_lineage,
              coalesce(l.tasks_that_week, 0)::int AS tasks_that_week, coalesce(l.recent_tasks, 0)::int AS recent_tasks,
              coalesce(l.tasks_accepted, 0)::int AS tasks_accepted, coalesce(l.tasks_completed, 0)::int AS tasks_completed
         FROM subtree s
         JOIN volunteers v ON v.tenant_id = $1 AND v.home_grid_id = s.grid_id AND v.skills @> ARRAY[$3]::text[]
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE o.status = ANY($4::text[]) AND o.starts_at >= $6 AND o.starts_at < $7) AS tasks_that_week,
                  count(*) FILTER (WHERE o.status = ANY($4::text[]) AND o.offered_at >= $8) AS recent_tasks,
                  count(*) FILTER (WHERE o.status = ANY($5::text[])) AS tasks_accepted,
                  count(*) FILTER (WHERE o.status = 'completed') AS tasks_completed
             FROM task_offers o WHERE o.tenant_id = $1 AND o.volunteer_id = v.id
         ) l ON true`,
      [query.tenantId, query.streetId, query.skill, loadStatuses, assignedStatuses, week.start, week.end, since],
    );
    return rows.map((row) => ({
      volunteerId: row.id,
      homeLineage: row.home_lineage,
      skills: row.skill_claims,
      availability: row.availability,
      weeklyTaskCap: row.weekly_task_cap,
      tasksThatWeek: row.tasks_that_week,
      recentTasks: row.recent_tasks,
      tasksAccepted: row.tasks_accepted,
      tasksCompleted: row.tasks_completed,
      registeredAt: row.registered_at,
    }));
  }
}
