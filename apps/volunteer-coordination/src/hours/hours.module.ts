import { Module } from '@nestjs/common';
import { HoursEntry } from './hours-entry.entity';
import { HoursLedger } from './hours-ledger';
import { HoursController } from './hours.controller';
import { HoursReader } from './hours.reader';
import { CorrectHoursUseCase } from './use-cases/correct-hours/correct-hours.use-case';

/** Entities of the hours feature, for the service's DataSource. */
export const hoursEntities = [HoursEntry];

/**
 * Volunteers' service hours: the append-only ledger that task completion and service-event shifts credit (so it
 * is exported to both), the totals and the corrections a district makes.
 */
@Module({
  controllers: [HoursController],
  providers: [HoursLedger, HoursReader, CorrectHoursUseCase],
  exports: [HoursLedger],
})
export class HoursModule {}
