import { Injectable } from '@nestjs/common';
import { CloudEvent, TaskOffered, TaskUnmatched, VolunteerRegistered } from '@gridline/contracts';
import { EventHandler, HandlingContext, isEvent, PermanentEventError } from '@gridline/messaging';

/**
 * Projects volunteer registrations, task offers and unmatched issues into fact tables keyed by their own ids,
 * so counting them is idempotent by itself: a replayed event finds its row and inserts nothing.
 */
@Injectable()
export class VolunteeringFactsProjector implements EventHandler {
  readonly handles = [VolunteerRegistered, TaskOffered, TaskUnmatched];

  async handle(event: CloudEvent, { manager }: HandlingContext): Promise<void> {
    const { tenantId } = event.data as { tenantId: string };
    if (tenantId !== event.tenantid) throw new PermanentEventError(`${event.type} ${event.subject} names tenant ${tenantId} but the event is for ${event.tenantid}`);

    if (isEvent(event, VolunteerRegistered)) {
      const d = event.data;
      await manager.query(
        `INSERT INTO volunteer_facts (tenant_id, volunteer_id, home_grid_id, skills, registered_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, volunteer_id) DO NOTHING`,
        [d.tenantId, d.volunteerId, d.homeGridId, d.skills, event.time],
      );
    } else if (isEvent(event, TaskOffered)) {
      const d = event.data;
      await manager.query(
        `INSERT INTO offer_facts (tenant_id, offer_id, issue_id, volunteer_id, skill, issue_grid_id, matched_grid_id, offered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, offer_id) DO NOTHING`,
        [d.tenantId, d.offerId, d.issueId, d.volunteerId, d.skill, d.issueGridId, d.matchedGridId, d.offeredAt],
      );
    } else if (isEvent(event, TaskUnmatched)) {
      const d = event.data;
      await manager.query(
        `INSERT INTO unmatched_facts (tenant_id, issue_id, skill, issue_grid_id, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, issue_id) DO NOTHING`,
        [d.tenantId, d.issueId, d.skill, d.issueGridId, event.time],
      );
    }
  }
}
