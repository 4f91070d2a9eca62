import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventContext } from '@gridline/messaging';
import { DurableTimer, TimerPoller } from '@gridline/scheduling';
import { OfferSteps } from '../../offer-steps';
import { OFFER_EXPIRY_TIMER } from '../../offer-timers';
import { TaskOffer } from '../../task-offer.entity';
import { VolunteerTask } from '../../volunteer-task.entity';

/**
 * Runs when an offer's answer window passes (a durable timer: it fires after a restart too, and once). An offer
 * still waiting lapses and the place goes to the next candidate; one answered meanwhile is left as it is.
 */
@Injectable()
export class ExpireOfferUseCase implements OnModuleInit {
  constructor(
    private readonly poller: TimerPoller,
    private readonly steps: OfferSteps,
  ) {}

  onModuleInit(): void {
    this.poller.register(OFFER_EXPIRY_TIMER, (timer, manager) => this.onExpiry(timer, manager));
  }

  async onExpiry(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const offer = await manager.findOneBy(TaskOffer, { tenantId: timer.tenantId, id: timer.aggregateId });
    if (!offer || offer.status !== 'offered') return;
    const task = await manager.findOneBy(VolunteerTask, { id: offer.taskId });
    // Checked again under the locks inside apply; an answer that won the race makes this a no-op there.
    await this.steps
      .apply(manager, {
        tenantId: offer.tenantId,
        offerId: offer.id,
        action: 'expire',
        actor: 'system:offer-expiry',
        context: EventContext.start(offer.tenantId, task?.correlationId ?? undefined),
      })
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === 'ILLEGAL_TRANSITION') return;
        throw error;
      });
  }
}
