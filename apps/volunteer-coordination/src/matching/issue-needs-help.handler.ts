import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, IssueDispatched, TaskOffered, TaskUnmatched } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, EventHandler, HandlingContext, isEvent, Outbox, PermanentEventError } from '@gridline/messaging';
import { HelpCategory } from '../help-categories/help-category.entity';
import { chooseVolunteer, VolunteerCandidate } from './domain/choose-volunteer';

/**
 * When an issue is dispatched in a category that needs volunteer help, offers it to the nearest, least-asked
 * volunteer with the skill (TaskOffered), or says nobody could be found (TaskUnmatched).
 *
 * Matching decides once per issue: the offer (or the unmatched record) is unique per issue, so a redelivered
 * or repeated IssueDispatched announces nothing new. Escalations do not re-match: help is about the place,
 * which does not change when the issue moves up the hierarchy.
 */
@Injectable()
export class IssueNeedsHelpHandler implements EventHandler {
  private readonly logger = new Logger('Matching');
  readonly handles = [IssueDispatched];

  constructor(
    private readonly grids: GridTree,
    private readonly outbox: Outbox,
  ) {}

  async handle(event: CloudEvent, { manager }: HandlingContext): Promise<void> {
    if (!isEvent(event, IssueDispatched)) return;
    const issue = event.data;
    if (issue.tenantId !== event.tenantid) throw new PermanentEventError(`issue ${issue.issueId} names tenant ${issue.tenantId} but the event is for ${event.tenantid}`);

    const help = await manager.findOneBy(HelpCategory, { tenantId: issue.tenantId, category: issue.category });
    if (!help) return;
    if (await this.alreadyDecided(manager, issue.tenantId, issue.issueId)) return;

    const lineage = await this.grids.lineage(issue.tenantId, issue.gridId, manager);
    // The grid replica is fed by another consumer group and may lag behind the issue stream; retrying (then the
    // dead-letter topic) beats announcing "no volunteer" for a grid we simply have not heard of yet.
    if (lineage.length === 0) throw new Error(`grid ${issue.gridId} of issue ${issue.issueId} is not in the grid replica (yet)`);
    const lineageIds = lineage.map((grid) => grid.gridId);

    const match = chooseVolunteer({
      lineage: lineageIds,
      skill: help.skill,
      candidates: await this.bestCandidatePerGrid(manager, issue.tenantId, lineageIds, help.skill),
    });
    const context = EventContext.causedBy(event);
    if (match) await this.offer(manager, issue, help.skill, match.volunteerId, match.matchedGridId, context);
    else await this.reportUnmatched(manager, issue, help.skill, context);
  }

  private async alreadyDecided(manager: EntityManager, tenantId: string, issueId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM task_offers WHERE tenant_id = $1 AND issue_id = $2
       UNION ALL SELECT 1 FROM unmatched_issues WHERE tenant_id = $1 AND issue_id = $2 LIMIT 1`,
      [tenantId, issueId],
    );
    return rows.length > 0;
  }

  /**
   * The domain rule picks the least-asked volunteer within a grid, so each grid's front-runner is all it needs
   * to see: at most one row per lineage grid, however many volunteers a street has.
   */
  private async bestCandidatePerGrid(manager: EntityManager, tenantId: string, gridIds: string[], skill: string): Promise<VolunteerCandidate[]> {
    const rows: Array<{ id: string; home_grid_id: string; skills: string[]; offer_count: number; registered_at: Date }> = await manager.query(
      `SELECT DISTINCT ON (home_grid_id) id, home_grid_id, skills, offer_count, registered_at
         FROM volunteers
        WHERE tenant_id = $1 AND home_grid_id = ANY($2::text[]) AND skills @> ARRAY[$3]::text[]
        ORDER BY home_grid_id, offer_count, registered_at, id`,
      [tenantId, gridIds, skill],
    );
    return rows.map((row) => ({
      volunteerId: row.id,
      homeGridId: row.home_grid_id,
      skills: row.skills,
      offerCount: row.offer_count,
      registeredAt: row.registered_at,
    }));
  }

  private async offer(
    manager: EntityManager,
    issue: EventData<typeof IssueDispatched>,
    skill: string,
    volunteerId: string,
    matchedGridId: string,
    context: EventContext,
  ): Promise<void> {
    const offerId = randomUUID();
    const offeredAt = new Date();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO task_offers (id, tenant_id, issue_id, volunteer_id, skill, issue_grid_id, matched_grid_id, offered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, issue_id) DO NOTHING RETURNING id`,
      [offerId, issue.tenantId, issue.issueId, volunteerId, skill, issue.gridId, matchedGridId, offeredAt],
    );
    if (inserted.length === 0) return;
    await manager.query(`UPDATE volunteers SET offer_count = offer_count + 1 WHERE tenant_id = $1 AND id = $2`, [issue.tenantId, volunteerId]);
    await this.outbox.add(manager, TaskOffered, {
      offerId,
      tenantId: issue.tenantId,
      issueId: issue.issueId,
      volunteerId,
      skill,
      issueGridId: issue.gridId,
      matchedGridId,
      offeredAt: offeredAt.toISOString(),
    }, context);
    this.logger.log(`issue ${issue.issueId} offered to volunteer ${volunteerId} of grid ${matchedGridId} (${skill})`);
  }

  private async reportUnmatched(manager: EntityManager, issue: EventData<typeof IssueDispatched>, skill: string, context: EventContext): Promise<void> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO unmatched_issues (tenant_id, issue_id, skill, issue_grid_id, decided_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (tenant_id, issue_id) DO NOTHING RETURNING issue_id`,
      [issue.tenantId, issue.issueId, skill, issue.gridId],
    );
    if (inserted.length === 0) return;
    await this.outbox.add(manager, TaskUnmatched, { tenantId: issue.tenantId, issueId: issue.issueId, skill, issueGridId: issue.gridId }, context);
    this.logger.log(`issue ${issue.issueId}: no volunteer with ${skill} in grid ${issue.gridId} or above`);
  }
}
