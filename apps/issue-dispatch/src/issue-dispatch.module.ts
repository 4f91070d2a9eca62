import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@gridline/contracts';
import { GridBoundaryReplica, GridReplica, GridReplicaModule, GridReplicaProjector, PlaceReplica, PlaceReplicaProjector, TenantReplica } from '@gridline/grid-replica';
import { MessagingModule, messagingEntities, provideEventConsumer } from '@gridline/messaging';
import { AuthModule, DatabaseModule, HealthController, RedisModule, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { CategoriesController } from './categories/categories.controller';
import { CategoryPolicy } from './categories/category-policy.entity';

import { Issue } from './issues/issue.entity';
import { IssueHistoryEntry } from './issues/issue-history.entity';
import { IssuesController } from './issues/issues.controller';
import { AcknowledgeIssueUseCase } from './issues/use-cases/acknowledge-issue/acknowledge-issue.use-case';
import { EscalateIssueUseCase } from './issues/use-cases/escalate-issue/escalate-issue.use-case';
import { ReportIssueUseCase } from './issues/use-cases/report-issue/report-issue.use-case';
import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema';
import { IssueReporterSubject1764300000001 } from './migrations/1764300000001-issue-reporter-subject';
import { PlaceReplica1764360000000 } from './migrations/1764360000000-place-replica';
import { IssueAccess } from './issues/issue-access';

@Module({})
export class IssueDispatchModule {
  static with(config: ServiceConfig): DynamicModule {
    return {
      module: IssueDispatchModule,
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [...messagingEntities, DurableTimer, TenantReplica, GridReplica, GridBoundaryReplica, PlaceReplica, CategoryPolicy, Issue, IssueHistoryEntry],
          migrations: [InitialSchema1764300000000, IssueReporterSubject1764300000001, PlaceReplica1764360000000],
        }),
        RedisModule,
        MessagingModule,
        AuthModule,
        SchedulingModule,
        GridReplicaModule,
      ],
      controllers: [HealthController, CategoriesController, IssuesController],
      providers: [
        IssueAccess,
        ReportIssueUseCase,
        AcknowledgeIssueUseCase,
        EscalateIssueUseCase,
        // The grid tree replica, with boundaries and places for routing by location: read from the start of
        // grid-registry's compacted topics, never by calling it.
        provideEventConsumer({
          group: 'issue-dispatch.grid-replica',
          topics: [Topics.tenantState.name, Topics.gridState.name, Topics.gridBoundaries.name, Topics.placeState.name],
          handlers: [GridReplicaProjector, PlaceReplicaProjector],
        }),
      ],
    };
  }
}
