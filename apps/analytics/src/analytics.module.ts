import { DynamicModule, Module } from '@nestjs/common';
import { allTopics } from '@gridline/contracts';
import { GridReplica, GridReplicaModule, GridReplicaProjector, TenantReplica } from '@gridline/grid-replica';
import { MessagingModule, messagingEntities, provideEventConsumer } from '@gridline/messaging';
import { AuthModule, DatabaseModule, HealthController, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { EscalationStep } from './issues/escalation-step.entity';
import { IssueAnalyticsController } from './issues/issue-analytics.controller';
import { IssueFact } from './issues/issue-fact.entity';
import { IssueFactsProjector } from './issues/issue-facts.projector';
import { InitialSchema1764500000000 } from './migrations/1764500000000-initial-schema';
import { SummaryController } from './summary/summary.controller';
import { SummaryQueries } from './summary/summary.queries';
import { VolunteeringFactsProjector } from './volunteering/volunteering-facts.projector';

@Module({})
export class AnalyticsModule {
  static with(config: ServiceConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [...messagingEntities, TenantReplica, GridReplica, IssueFact, EscalationStep],
          migrations: [InitialSchema1764500000000],
        }),
        MessagingModule,
        AuthModule,
        GridReplicaModule,
      ],
      controllers: [HealthController, IssueAnalyticsController, SummaryController],
      providers: [
        SummaryQueries,
        IssueFactsProjector,
        VolunteeringFactsProjector,
        // Every public stream, read from the start: dropping the schema and replaying rebuilds every number.
        // The grid replica doubles as the district list and the grid counts per level. Internal topics (personal
        // data, e.g. member contacts) are never read here.
        provideEventConsumer({
          group: 'analytics.projections',
          topics: allTopics.filter((topic) => topic.public).map((topic) => topic.name),
          handlers: [GridReplicaProjector, IssueFactsProjector, VolunteeringFactsProjector],
        }),
      ],
    };
  }
}
