import { Injectable } from '@nestjs/common';
import { Identity } from '@gridline/platform';
import { OfferSteps } from '../../offer-steps';
import { TaskOffer } from '../../task-offer.entity';

export interface AnswerOfferCommand {
  readonly tenantId: string;
  readonly offerId: string;
  readonly answer: 'accept' | 'decline';
  readonly reason?: string;
  readonly identity: Identity;
  readonly correlationId: string;
}

/**
 * The volunteer (or the grid on their behalf, after a phone call) accepts or declines an offer. Accepting stops
 * the offer's expiry timer and may fill the task; declining hands the place to the next candidate in rank.
 */
@Injectable()
export class AnswerOfferUseCase {
  constructor(private readonly steps: OfferSteps) {}

  execute({ identity, answer, reason, ...command }: AnswerOfferCommand): Promise<TaskOffer> {
    return this.steps.takeAs(identity, { ...command, action: answer, declineReason: reason });
  }
}
