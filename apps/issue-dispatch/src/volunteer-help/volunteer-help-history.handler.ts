import { Controller, Logger } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { Subscriptions } from '@gridline/contracts';
import { HandleEvent, KafkaEventContext } from '@gridline/messaging';
import { Issue } from '../issues/issue.entity';
import { IssueHistoryEntry } from '../issues/issue-history.entity';
import { volunteerHistoryEvents, volunteerHistoryStep } from './domain/volunteer-history-step';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Puts the volunteer help an issue gets into its history (offered, declined, expired, accepted, checked in and
 * out, completed, or nobody available), from volunteer-coordination's task-offers topic — by event, never by a
 * call. Redelivery appends nothing twice: the consumer's inbox row commits with the history row. An event for an
 * issue this district does not have (unknown, or another district's) is logged and skipped, not retried: it can
 * never succeed and must not hold up the partition. Rows record the holder at the time they are appended.
 */
@Controller()
export class VolunteerHelpHistoryHandler {
  private readonly logger = new Logger(VolunteerHelpHistoryHandler.name);

  @HandleEvent(volunteerHistoryEvents, Subscriptions.issueDispatchVolunteerHistory)
  async record(@Ctx() { event, manager }: KafkaEventContext): Promise<void> {
    const step = volunteerHistoryStep(event.type, event.data, event.time);
    if (!step) return;
    if (step.tenantId !== event.tenantid || !UUID.test(step.issueId)) {
      this.logger.warn(
        `skipped ${event.type} ${event.id}: issue ${step.issueId} of ${step.tenantId} cannot be an issue of district ${event.tenantid}`,
      );
      return;
    }
    const issue = await manager.findOneBy(Issue, { tenantId: step.tenantId, id: step.issueId });
    if (!issue) {
      this.logger.warn(`skipped ${event.type} ${event.id}: no issue ${step.issueId} in district ${step.tenantId}`);
      return;
    }
    await manager.insert(IssueHistoryEntry, {
      tenantId: issue.tenantId,
      issueId: issue.id,
      action: step.action,
      actor: step.actor,
      actorRole: step.actorRole,
      actorGridId: null,
      holderLevel: issue.holderLevel,
      holderGridId: issue.holderGridId,
      reason: step.reason,
      at: step.at,
    });
  }
}
