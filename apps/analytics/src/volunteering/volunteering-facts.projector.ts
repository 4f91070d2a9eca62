import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  CloudEvent,
  EventData,
  Subscriptions,
  TaskOffered,
  TaskUnmatched,
  VolunteerRegistered,
} from '@gridline/contracts';
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

  /**
   * Offers come one per help report, so they are the busiest of these events: a batch of them is written with one
   * statement (ADR 0033). Its rows are keyed by offer id, so their order within the batch does not matter.
   */
  @HandleEvent(TaskOffered, Subscriptions.analyticsProjections, { batch: true })
  async tasksOffered(
    @Payload() events: ReadonlyArray<CloudEvent<EventData<typeof TaskOffered>>>,
    @Ctx() { manager }: KafkaEventContext,
  ): Promise<void> {
    for (const { data, tenantid } of events) assertSameTenant(data.tenantId, tenantid, `offer ${data.offerId}`);
    const column = (pick: (d: EventData<typeof TaskOffered>) => string) => events.map(({ data }) => pick(data));
    await manager.query(
      `INSERT INTO offer_facts (tenant_id, offer_id, issue_id, volunteer_id, skill, issue_grid_id, matched_grid_id, offered_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
       ON CONFLICT (tenant_id, offer_id) DO NOTHING`,
      [
        column((d) => d.tenantId),
        column((d) => d.offerId),
        column((d) => d.issueId),
        column((d) => d.volunteerId),
        column((d) => d.skill),
        column((d) => d.issueGridId),
        column((d) => d.matchedGridId),
        column((d) => d.offeredAt),
      ],
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
