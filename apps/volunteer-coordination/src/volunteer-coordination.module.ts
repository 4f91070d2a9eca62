import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@gridline/contracts';
import { GridReplica, GridReplicaModule, GridReplicaProjector, TenantReplica } from '@gridline/grid-replica';
import { MessagingModule, messagingEntities, provideEventConsumer } from '@gridline/messaging';
import { AuthModule, DatabaseModule, HealthController, RedisModule, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { HelpCategoriesController } from './help-categories/help-categories.controller';
import { HelpCategory } from './help-categories/help-category.entity';
import { IssueNeedsHelpHandler } from './matching/issue-needs-help.handler';
import { OffersController } from './matching/offers.controller';
import { TaskOffer } from './matching/task-offer.entity';
import { UnmatchedIssue } from './matching/unmatched-issue.entity';
import { InitialSchema1764400000000 } from './migrations/1764400000000-initial-schema';
import { ServiceEventsAndToolRoom1764540000000 } from './migrations/1764540000000-service-events-and-tool-room';
import { serviceEventEntities } from './service-events/entities';
import { ServiceEventsConfig } from './service-events/service-events.config';
import { ServiceEventsModule } from './service-events/service-events.module';
import { Tool, ToolLoan } from './tool-room/tool.entity';
import { ToolRoomModule } from './tool-room/tool-room.module';
import { RegisterVolunteerUseCase } from './volunteers/use-cases/register-volunteer/register-volunteer.use-case';
import { Volunteer } from './volunteers/volunteer.entity';
import { VolunteersController } from './volunteers/volunteers.controller';

@Module({})
export class VolunteerCoordinationModule {
  static with(config: ServiceConfig, serviceEvents: ServiceEventsConfig): DynamicModule {
    return {
      module: VolunteerCoordinationModule,
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [...messagingEntities, TenantReplica, GridReplica, HelpCategory, Volunteer, TaskOffer, UnmatchedIssue, DurableTimer, ...serviceEventEntities, Tool, ToolLoan],
          migrations: [InitialSchema1764400000000, ServiceEventsAndToolRoom1764540000000],
        }),
        RedisModule,
        MessagingModule,
        AuthModule,
        GridReplicaModule,
        SchedulingModule,
        ServiceEventsModule.with(serviceEvents),
        ToolRoomModule,
      ],
      controllers: [HealthController, HelpCategoriesController, VolunteersController, OffersController],
      providers: [
        RegisterVolunteerUseCase,
        IssueNeedsHelpHandler,
        // The grid tree replica: read from the start of grid-registry's compacted topics, never by calling it.
        provideEventConsumer({ group: 'volunteer-coordination.grid-replica', topics: [Topics.tenantState.name, Topics.gridState.name], handlers: [GridReplicaProjector] }),
        provideEventConsumer({ group: 'volunteer-coordination.issue-matching', topics: [Topics.issueEvents.name], handlers: [IssueNeedsHelpHandler] }),
      ],
    };
  }
}
