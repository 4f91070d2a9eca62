import { Injectable } from '@nestjs/common';
import { Identity } from '@gridline/platform';
import { minutesOfHours } from '../../../hours/domain/service-minutes';
import { HoursErrors } from '../../../hours/hours-errors';
import { OfferSteps } from '../../offer-steps';
import { TaskOffer } from '../../task-offer.entity';

export interface RecordTaskProgressCommand {
  readonly tenantId: string;
  readonly offerId: string;
  readonly step: 'check-in' | 'check-out' | 'complete';
  /** For `complete`: hours the grid confirms instead of the measured time. */
  readonly hours?: number;
  readonly identity: Identity;
  readonly correlationId: string;
}

/**
 * The assigned volunteer checks in and out; the grid (staff, not the volunteer) confirms completion, which
 * credits the hours to the ledger in the same transaction.
 */
@Injectable()
export class RecordTaskProgressUseCase {
  constructor(private readonly steps: OfferSteps) {}

  execute({ identity, step, hours, ...command }: RecordTaskProgressCommand): Promise<TaskOffer> {
    const confirmedMinutes = hours === undefined ? undefined : minutesOfHours(hours);
    if (confirmedMinutes === null) throw HoursErrors.INVALID_HOURS();
    return this.steps.takeAs(identity, { ...command, action: step, confirmedMinutes });
  }
}
