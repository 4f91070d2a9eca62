import { DynamicModule, Module } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import { GridReplica, GridReplicaModule, TenantReplica } from '@gridline/grid-replica';
import { MessagingModule, messagingEntities, provideEventServer } from '@gridline/messaging';
import {
  AuthModule,
  DatabaseModule,
  HealthModule,
  RedisModule,
  ServiceConfig,
  ServiceConfigModule,
} from '@gridline/platform';
import { ContactAccessLogEntry, PersonalDataModule } from '@gridline/personal-data';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { HelpCategoriesController } from './help-categories/help-categories.controller';
import { HelpCategoriesReader } from './help-categories/help-categories.reader';
import { HelpCategory } from './help-categories/help-category.entity';
import { PutHelpCategoryUseCase } from './help-categories/use-cases/put-help-category/put-help-category.use-case';
import { HoursEntry } from './hours/hours-entry.entity';
import { HoursLedgerModule } from './hours/hours-ledger.module';
import { HoursController } from './hours/hours.controller';
import { HoursReader } from './hours/hours.reader';
import { CorrectHoursUseCase } from './hours/use-cases/correct-hours/correct-hours.use-case';
import { CandidatePool } from './matching/candidate-pool';
import { IssueNeedsHelpHandler } from './matching/issue-needs-help.handler';
import { OfferAccess } from './matching/offer-access';
import { OfferSteps } from './matching/offer-steps';
import { OffersController } from './matching/offers.controller';
import { OffersReader } from './matching/offers.reader';
import { TaskOffer } from './matching/task-offer.entity';
import { TaskOffering } from './matching/task-offering';
import { TasksController } from './matching/tasks.controller';
import { TasksReader } from './matching/tasks.reader';
import { AnswerOfferUseCase } from './matching/use-cases/answer-offer/answer-offer.use-case';
import { ExpireOfferUseCase } from './matching/use-cases/expire-offer/expire-offer.use-case';
import { RecordTaskProgressUseCase } from './matching/use-cases/record-task-progress/record-task-progress.use-case';
import { RequestVolunteersUseCase } from './matching/use-cases/request-volunteers/request-volunteers.use-case';
import { VolunteerSettings } from './matching/volunteer-settings.entity';
import { VolunteerSettingsController } from './matching/volunteer-settings.controller';
import { VolunteerSettingsReader } from './matching/volunteer-settings.reader';
import { PutVolunteerSettingsUseCase } from './matching/use-cases/put-volunteer-settings/put-volunteer-settings.use-case';
import { VolunteerTask } from './matching/volunteer-task.entity';
import { InitialSchema1764400000000 } from './migrations/1764400000000-initial-schema';
import { VolunteerMatching1764530000000 } from './migrations/1764530000000-volunteer-matching';
import { ContactAccessLog1764630000000 } from './migrations/1764630000000-contact-access-log';
import { ToolLoanBorrowerName1764640000000 } from './migrations/1764640000000-tool-loan-borrower-name';
import { ServiceShiftHours1764580000000 } from './migrations/1764580000000-service-shift-hours';
import { Team } from './teams/team.entity';
import { TeamsController } from './teams/teams.controller';
import { TeamsReader } from './teams/teams.reader';
import { CreateTeamUseCase } from './teams/use-cases/create-team/create-team.use-case';
import { SkillsController } from './volunteers/skills.controller';
import { ServiceEventsAndToolRoom1764540000000 } from './migrations/1764540000000-service-events-and-tool-room';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { IdempotencyKeys1764710000000 } from './migrations/1764710000000-idempotency-keys';
import { serviceEventEntities } from './service-events/entities';
import { ServiceEventsConfig } from './service-events/service-events.config';
import { ServiceEventsModule } from './service-events/service-events.module';
import { Tool, ToolLoan } from './tool-room/tool.entity';
import { ToolRoomModule } from './tool-room/tool-room.module';
import { RegisterVolunteerUseCase } from './volunteers/use-cases/register-volunteer/register-volunteer.use-case';
import { UpdateVolunteerUseCase } from './volunteers/use-cases/update-volunteer/update-volunteer.use-case';
import { Volunteer } from './volunteers/volunteer.entity';
import { VolunteersController } from './volunteers/volunteers.controller';
import { VolunteersReader } from './volunteers/volunteers.reader';

@Module({})
export class VolunteerCoordinationModule {
  static with(config: ServiceConfig, serviceEvents: ServiceEventsConfig): DynamicModule {
    return {
      module: VolunteerCoordinationModule,
      imports: [
        HealthModule,
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [
            ...messagingEntities,
            DurableTimer,
            TenantReplica,
            GridReplica,
            HelpCategory,
            Volunteer,
            Team,
            VolunteerSettings,
            VolunteerTask,
            TaskOffer,
            HoursEntry,
            ...serviceEventEntities,
            Tool,
            ToolLoan,
            ContactAccessLogEntry,
          ],
          migrations: [
            InitialSchema1764400000000,
            VolunteerMatching1764530000000,
            ServiceEventsAndToolRoom1764540000000,
            ServiceShiftHours1764580000000,
            ContactAccessLog1764630000000,
            ToolLoanBorrowerName1764640000000,
            TimerTraceContext1764700000000,
            IdempotencyKeys1764710000000,
          ],
        }),
        RedisModule,
        MessagingModule,
        AuthModule,
        SchedulingModule,
        // The grid tree replica: read from the start of grid-registry's compacted topics, never by calling it.
        GridReplicaModule.readIn({ subscription: Subscriptions.volunteerGridReplica }),
        HoursLedgerModule,
        ServiceEventsModule.with(serviceEvents),
        ToolRoomModule,
        PersonalDataModule.accessLogOnly(),
      ],
      controllers: [
        SkillsController,
        HelpCategoriesController,
        VolunteerSettingsController,
        VolunteersController,
        TeamsController,
        TasksController,
        OffersController,
        HoursController,
        IssueNeedsHelpHandler,
      ],
      providers: [
        HelpCategoriesReader,
        PutHelpCategoryUseCase,
        VolunteerSettingsReader,
        PutVolunteerSettingsUseCase,
        RegisterVolunteerUseCase,
        UpdateVolunteerUseCase,
        VolunteersReader,
        CreateTeamUseCase,
        TeamsReader,
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
        CorrectHoursUseCase,
        HoursReader,
        provideEventServer(Subscriptions.volunteerGridReplica),
        provideEventServer(Subscriptions.volunteerIssueMatching),
      ],
    };
  }
}
