import { DynamicModule, Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { EscalationStep } from './escalation-step.entity';
import { IssueAnalyticsController } from './issue-analytics.controller';
import { IssueAnalyticsReader } from './issue-analytics.reader';
import { IssueFact } from './issue-fact.entity';
import { IssueFactsProjector } from './issue-facts.projector';

/** Entities of the issues feature, for the service's DataSource. */
export const issueEntities = [IssueFact, EscalationStep];

/**
 * The public issue stream folded into one fact row per issue and one row per escalation, and the counts and
 * escalation paths read from them. The projection announces news on the dispatch-centre feed and moves each case's
 * overdue check, so it takes the service's one FeedModule, built by the root.
 */
@Module({})
export class IssuesModule {
  static with(feed: DynamicModule): DynamicModule {
    return {
      module: IssuesModule,
      imports: [GridReplicaModule, feed],
      controllers: [IssueAnalyticsController, IssueFactsProjector],
      providers: [IssueAnalyticsReader],
    };
  }
}
