import { Module } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import { provideEventServer } from '@gridline/messaging';
import { VolunteerHelpHistoryHandler } from './volunteer-help-history.handler';

/**
 * The volunteer help an issue gets, into its history: read from volunteer-coordination's task-offers topic in a
 * consumer group of its own, never by calling it.
 */
@Module({
  controllers: [VolunteerHelpHistoryHandler],
  providers: [provideEventServer(Subscriptions.issueDispatchVolunteerHistory)],
})
export class VolunteerHelpModule {}
