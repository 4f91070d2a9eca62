import { DynamicModule, Module } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import { GridReplicaModule } from '@gridline/grid-replica';
import { provideEventServer } from '@gridline/messaging';
import { HELP_POLICY_CACHE_MS } from '../help-categories/help-policy-config';
import { HoursModule } from '../hours/hours.module';
import { CandidatePool } from './candidate-pool';
import { IssueNeedsHelpHandler } from './issue-needs-help.handler';
import { OfferAccess } from './offer-access';
import { OfferExpiries } from './offer-expiries';
import { OfferSteps } from './offer-steps';
import { OffersController } from './offers.controller';
import { OffersReader } from './offers.reader';
import { TaskOffer } from './task-offer.entity';
import { TaskOffering } from './task-offering';
import { TasksController } from './tasks.controller';
import { TasksReader } from './tasks.reader';
import { AnswerOfferUseCase } from './use-cases/answer-offer/answer-offer.use-case';
import { ExpireOfferUseCase } from './use-cases/expire-offer/expire-offer.use-case';
import { PutVolunteerSettingsUseCase } from './use-cases/put-volunteer-settings/put-volunteer-settings.use-case';
import { RecordTaskProgressUseCase } from './use-cases/record-task-progress/record-task-progress.use-case';
import { RequestVolunteersUseCase } from './use-cases/request-volunteers/request-volunteers.use-case';
import { VolunteerSettings } from './volunteer-settings.entity';
import { VolunteerSettingsController } from './volunteer-settings.controller';
import { VolunteerSettingsReader } from './volunteer-settings.reader';
import { VolunteerTask } from './volunteer-task.entity';

/** Entities of the matching feature, for the service's DataSource. */
export const matchingEntities = [VolunteerSettings, VolunteerTask, TaskOffer];

/**
 * Volunteers matched to the issues that need help: tasks from dispatched issues (consumed from issue-dispatch's
 * topic) or a district's own request, offers that expire unanswered, the volunteer's answers and progress, and
 * hours credited on completion.
 */
@Module({})
export class MatchingModule {
  /** `helpCategories` is the root's one HelpCategoriesModule: its PUT clears the copies matching reads. */
  static with(helpCategories: DynamicModule, helpPolicyCacheMs: number): DynamicModule {
    return {
      module: MatchingModule,
      imports: [GridReplicaModule, HoursModule, helpCategories],
      controllers: [VolunteerSettingsController, TasksController, OffersController, IssueNeedsHelpHandler],
      providers: [
        { provide: HELP_POLICY_CACHE_MS, useValue: helpPolicyCacheMs },
        OfferExpiries,
        VolunteerSettingsReader,
        PutVolunteerSettingsUseCase,
        CandidatePool,
        TaskOffering,
        OfferAccess,
        OffersReader,
        TasksReader,
        OfferSteps,
        AnswerOfferUseCase,
        RecordTaskProgressUseCase,
        ExpireOfferUseCase,
        RequestVolunteersUseCase,
        provideEventServer(Subscriptions.volunteerIssueMatching),
      ],
    };
  }
}
