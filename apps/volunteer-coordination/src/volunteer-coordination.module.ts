import { DynamicModule, Module } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import { GridReplica, GridReplicaModule, TenantReplica } from '@gridline/grid-replica';
import {
  MessagingModule,
  messagingEntities,
  OutboxCommitAnnouncement1764740000000,
  provideEventServer,
} from '@gridline/messaging';
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
import { helpCategoryEntities, HelpCategoriesModule } from './help-categories/help-categories.module';
import { hoursEntities, HoursModule } from './hours/hours.module';
import { matchingEntities, MatchingModule } from './matching/matching.module';
import { InitialSchema1764400000000 } from './migrations/1764400000000-initial-schema';
import { VolunteerMatching1764530000000 } from './migrations/1764530000000-volunteer-matching';
import { ServiceEventsAndToolRoom1764540000000 } from './migrations/1764540000000-service-events-and-tool-room';
import { ServiceShiftHours1764580000000 } from './migrations/1764580000000-service-shift-hours';
import { ContactAccessLog1764630000000 } from './migrations/1764630000000-contact-access-log';
import { ToolLoanBorrowerName1764640000000 } from './migrations/1764640000000-tool-loan-borrower-name';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { IdempotencyKeys1764710000000 } from './migrations/1764710000000-idempotency-keys';
import { serviceEventEntities } from './service-events/entities';
import { ServiceEventsConfig } from './service-events/service-events.config';
import { ServiceEventsModule } from './service-events/service-events.module';
import { teamEntities, TeamsModule } from './teams/teams.module';
import { toolRoomEntities, ToolRoomModule } from './tool-room/tool-room.module';
import { volunteerEntities, VolunteersModule } from './volunteers/volunteers.module';

@Module({})
export class VolunteerCoordinationModule {
  static with(config: ServiceConfig, serviceEvents: ServiceEventsConfig, helpPolicyCacheMs: number): DynamicModule {
    // One help-categories module for the service: matching reads the copies its PUT clears.
    const helpCategories = HelpCategoriesModule.with(helpPolicyCacheMs);
    return {
      module: VolunteerCoordinationModule,
      imports: [
        // The features first: the OpenAPI document lists routes in module order, and theirs lead it.
        VolunteersModule,
        helpCategories,
        MatchingModule.with(helpCategories, helpPolicyCacheMs),
        TeamsModule,
        HoursModule,
        ServiceEventsModule.with(serviceEvents),
        ToolRoomModule,
        HealthModule,
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [
            ...messagingEntities,
            DurableTimer,
            TenantReplica,
            GridReplica,
            ...helpCategoryEntities,
            ...volunteerEntities,
            ...teamEntities,
            ...matchingEntities,
            ...hoursEntities,
            ...serviceEventEntities,
            ...toolRoomEntities,
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
            OutboxCommitAnnouncement1764740000000,
          ],
        }),
        RedisModule,
        MessagingModule,
        AuthModule,
        SchedulingModule,
        // The grid tree replica: read from the start of grid-registry's compacted topics, never by calling it.
        GridReplicaModule.readIn({ subscription: Subscriptions.volunteerGridReplica }),
        PersonalDataModule.accessLogOnly(),
      ],
      providers: [provideEventServer(Subscriptions.volunteerGridReplica)],
    };
  }
}
