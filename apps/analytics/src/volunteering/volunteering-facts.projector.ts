import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EventData, Subscriptions, TaskOffered, TaskUnmatched, VolunteerRegistered } from '@gridline/contracts';
import { HandleEvent, KafkaEventContext, PermanentEventError } from '@gridline/messaging';

/**
 * Projects volunteer registrations, task offers and unmatched issues into fact tables keyed by their own ids,
 * so counting them is idempotent by itself: a replayed event finds its row and inserts nothing.
 */
@Controller()
export class VolunteeringFactsProjector {
  @HandleEvent(VolunteerRegistered, Subscriptions.analyticsProjections)
  async volunteerRegistered(
    @Payload() d: EventData<typeof VolunteerRegistered>,
    @Ctx() { event, manager }: KafkaEventContext,
  ): Promise<void> {
    assertSameTenant(d.tenantId, event.tenantid, `volunteer ${d.volunteerId}`);
    await manager.query(
      `INSERT INTO volunteer_facts (tenant_id, volunteer_id, home_grid_id, skills, registered_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, volunteer_id) DO NOTHING`,
      [d.tenantId, d.volunteerId, d.homeGridId, d.skills, event.time],
    );
  }

  @HandleEvent(TaskOffered, Subscriptions.analyticsProjections)
  async taskOffered(
    @Payload() d: EventData<typeof TaskOffered>,
    @Ctx() { event, manager }: KafkaEventContext,
  ): Promise<void> {
    assertSameTenant(d.tenantId, event.tenantid, `offer ${d.offerId}`);
    await manager.query(
      `INSERT INTO offer_facts (tenant_id, offer_id, issue_id, volunteer_id, skill, issue_grid_id, matched_grid_id, offered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, offer_id) DO NOTHING`,
      [d.tenantId, d.offerId, d.issueId, d.volunteerId, d.skill, d.issueGridId, d.matchedGridId, d.offeredAt],
    );
  }

  @HandleEvent(TaskUnmatched, Subscriptions.analyticsProjections)
  async taskUnmatched(
    @Payload() d: EventData<typeof TaskUnmatched>,
    @Ctx() { event, manager }: KafkaEventContext,
  ): Promise<void> {
    assertSameTenant(d.tenantId, event.tenantid, `unmatched issue ${d.issueId}`);
    await manager.query(
      `INSERT INTO unmatched_facts (tenant_id, issue_id, skill, issue_grid_id, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, issue_id) DO NOTHING`,
      [d.tenantId, d.issueId, d.skill, d.issueGridId, event.time],
    );
  }
}

function assertSameTenant(payloadTenant: string, envelopeTenant: string, what: string): void {
  if (payloadTenant !== envelopeTenant)
    throw new PermanentEventError(`${what} names tenant ${payloadTenant} but the event is for ${envelopeTenant}`);
}
