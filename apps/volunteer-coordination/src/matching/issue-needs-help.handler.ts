import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CloudEvent, EventData, IssueDispatched, IssueEscalated, Subscriptions } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { EventContext, HandleEvent, KafkaEventContext, PermanentEventError } from '@gridline/messaging';
import { HelpCategory } from '../help-categories/help-category.entity';
import { HelpNeeds } from '../help-categories/help-needs';
import { issueTaskWindow } from './domain/issue-task-window';
import { TaskOffering } from './task-offering';
import { DEFAULT_TIME_ZONE } from '../volunteers/domain/local-time';
import { VolunteerTask } from './volunteer-task.entity';

/**
 * When an issue is dispatched in a category that needs volunteer help, opens one task for it (unique per issue,
 * so a redelivered or repeated event opens nothing new) and offers it to the best-ranked volunteer.
 *
 * On escalation: an issue without a task (its category gained a help entry after dispatch) gets one at the grid
 * it escalated from; a task nobody could fill is tried again (volunteers may have registered or become free
 * since), and if still nobody is left the grid leader is told again. An open or filled task is left alone.
 */
type IssueNeedingHelp = { tenantId: string; issueId: string; category: string; gridId: string | null };

@Controller()
export class IssueNeedsHelpHandler {
  constructor(
    private readonly grids: GridTree,
    private readonly offering: TaskOffering,
    private readonly helpNeeds: HelpNeeds,
  ) {}

  @HandleEvent(IssueDispatched, Subscriptions.volunteerIssueMatching)
  dispatched(
    @Payload() issue: EventData<typeof IssueDispatched>,
    @Ctx() { event, manager }: KafkaEventContext,
  ): Promise<void> {
    return this.help(issue, false, event, manager);
  }

  @HandleEvent(IssueEscalated, Subscriptions.volunteerIssueMatching)
  escalated(
    @Payload() escalation: EventData<typeof IssueEscalated>,
    @Ctx() { event, manager }: KafkaEventContext,
  ): Promise<void> {
    return this.help({ ...escalation, gridId: escalation.fromGridId ?? escalation.toGridId }, true, event, manager);
  }

  private async help(
    issue: IssueNeedingHelp,
    escalated: boolean,
    event: CloudEvent,
    manager: EntityManager,
  ): Promise<void> {
    if (issue.tenantId !== event.tenantid)
      throw new PermanentEventError(
        `issue ${issue.issueId} names tenant ${issue.tenantId} but the event is for ${event.tenantid}`,
      );
    if (issue.gridId === null) return; // between the district and the city centre: no grid to find neighbours in

    const help = await this.helpNeeds.of(issue.tenantId, issue.category);
    if (!help) return;
    const context = EventContext.causedBy(event);

    // Inserting first (ON CONFLICT DO NOTHING) costs the common case, a new issue, one statement instead of a
    // locking read and then the insert; a redelivered or repeated event finds the task already there.
    const task = await this.openTask(manager, issue.tenantId, issue.issueId, issue.gridId, help, event.correlationid);
    if (!task) {
      if (escalated) await this.retryUnfilled(manager, issue, context);
      return;
    }
    // The grid replica is fed by another consumer group and may lag behind the issue stream; retrying (then the
    // dead-letter topic) beats announcing "no volunteer" for a grid we simply have not heard of yet. Throwing rolls
    // the task back with the rest of the transaction.
    const lineage = await this.grids.lineage(issue.tenantId, issue.gridId, manager);
    if (lineage.length === 0) {
      throw new Error(`grid ${issue.gridId} of issue ${issue.issueId} is not in the grid replica (yet)`);
    }
    await this.offering.fillNew(
      manager,
      task,
      lineage.map((grid) => grid.gridId),
      context,
    );
  }

  /** An escalated issue whose task nobody could fill is offered again: volunteers may have registered or become free. */
  private async retryUnfilled(manager: EntityManager, issue: IssueNeedingHelp, context: EventContext): Promise<void> {
    const existing = await manager.findOne(VolunteerTask, {
      where: { tenantId: issue.tenantId, issueId: issue.issueId },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing?.state !== 'unfilled') return;
    await manager.update(VolunteerTask, { id: existing.id }, { state: 'open' });
    existing.state = 'open';
    await this.offering.fill(manager, existing, context);
  }

  private async openTask(
    manager: EntityManager,
    tenantId: string,
    issueId: string,
    gridId: string,
    help: HelpCategory,
    correlationId: string,
  ): Promise<VolunteerTask | null> {
    const now = new Date();
    const window = issueTaskWindow(now, DEFAULT_TIME_ZONE);
    const task = manager.create(VolunteerTask, {
      id: randomUUID(),
      tenantId,
      source: 'issue',
      issueId,
      gridId,
      skill: help.skill,
      minLevel: help.minLevel,
      certificateRequired: help.certificateRequired,
      needed: 1,
      startsAt: window.start,
      endsAt: window.end,
      state: 'open',
      requestedBy: 'system:issue',
      note: null,
      correlationId,
      createdAt: now,
    });
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(VolunteerTask)
      .values(task)
      .orIgnore()
      .returning('id')
      .execute();
    return inserted.raw.length > 0 ? task : null;
  }
}
