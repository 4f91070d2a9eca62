import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { CloudEvent, HolderLevel, Subscriptions } from '@gridline/contracts';
import { HandleEvent, KafkaEventContext } from '@gridline/messaging';
import { insertRows } from '@gridline/platform';
import { IssueHistoryEntry } from '../issues/issue-history.entity';
import { VolunteerHistoryStep, volunteerHistoryEvents, volunteerHistoryStep } from './domain/volunteer-history-step';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where an issue stands now: its history rows record the holder at the time they are appended. */
interface Holder {
  readonly holder_level: HolderLevel;
  readonly holder_grid_id: string | null;
}

const keyOf = (tenantId: string, issueId: string) => `${tenantId}\u0000${issueId.toLowerCase()}`;

/**
 * Puts the volunteer help an issue gets into its history (offered, declined, expired, accepted, checked in and
 * out, completed, or nobody available), from volunteer-coordination's task-offers topic — by event, never by a
 * call. Redelivery appends nothing twice: the consumer's inbox rows commit with the history rows. An event for an
 * issue this district does not have (unknown, or another district's) is logged and skipped, not retried: it can
 * never succeed and must not hold up the partition.
 *
 * A batch of the topic at once (ADR 0033): the issues it names are read in one query and its rows appended in one
 * insert, in stream order.
 */
@Controller()
export class VolunteerHelpHistoryHandler {
  private readonly logger = new Logger(VolunteerHelpHistoryHandler.name);

  @HandleEvent(volunteerHistoryEvents, Subscriptions.issueDispatchVolunteerHistory, { batch: true })
  async record(@Payload() events: readonly CloudEvent[], @Ctx() { manager }: KafkaEventContext): Promise<void> {
    const steps = events.flatMap((event) => {
      const step = volunteerHistoryStep(event.type, event.data, event.time);
      if (!step) return [];
      if (step.tenantId !== event.tenantid || !UUID.test(step.issueId)) {
        this.logger.warn(
          `skipped ${event.type} ${event.id}: issue ${step.issueId} of ${step.tenantId} cannot be an issue of district ${event.tenantid}`,
        );
        return [];
      }
      return [{ event, step }];
    });
    if (steps.length === 0) return;
    const holders = await this.holdersOf(
      manager,
      steps.map(({ step }) => step),
    );
    const rows = steps.flatMap(({ event, step }) => {
      const holder = holders.get(keyOf(step.tenantId, step.issueId));
      if (!holder) {
        this.logger.warn(`skipped ${event.type} ${event.id}: no issue ${step.issueId} in district ${step.tenantId}`);
        return [];
      }
      return [
        {
          tenantId: step.tenantId,
          issueId: step.issueId.toLowerCase(),
          action: step.action,
          actor: step.actor,
          actorRole: step.actorRole,
          actorGridId: null,
          holderLevel: holder.holder_level,
          holderGridId: holder.holder_grid_id,
          reason: step.reason,
          at: step.at,
        },
      ];
    });
    await insertRows(manager, IssueHistoryEntry, rows);
  }

  /** The current holder of every issue the steps name that exists in the step's own district. */
  private async holdersOf(
    manager: EntityManager,
    steps: readonly VolunteerHistoryStep[],
  ): Promise<Map<string, Holder>> {
    const found = (await manager.query(
      `SELECT i.tenant_id, i.id::text AS id, i.holder_level, i.holder_grid_id
         FROM issues i
         JOIN unnest($1::text[], $2::uuid[]) AS wanted(tenant_id, id) ON i.tenant_id = wanted.tenant_id AND i.id = wanted.id`,
      [steps.map((step) => step.tenantId), steps.map((step) => step.issueId)],
    )) as Array<Holder & { tenant_id: string; id: string }>;
    return new Map(found.map((row) => [keyOf(row.tenant_id, row.id), row]));
  }
}
