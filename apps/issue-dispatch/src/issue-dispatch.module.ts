import { DynamicModule, Module } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import {
  GridBoundaryReplica,
  GridReplica,
  GridReplicaModule,
  PlaceReplica,
  TenantReplica,
} from '@gridline/grid-replica';
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
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { PersonalDataConfig, personalDataEntities, PersonalDataModule } from '@gridline/personal-data';
import { categoryEntities, CategoriesModule } from './categories/categories.module';
import { IntakeConfig } from './intake/intake-config';
import { intakeEntities, IntakeModule } from './intake/intake.module';
import { issueEntities, IssuesModule } from './issues/issues.module';
import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema';
import { IssueReporterSubject1764300000001 } from './migrations/1764300000001-issue-reporter-subject';
import { PlaceReplica1764360000000 } from './migrations/1764360000000-place-replica';
import { CaseLoop1764500000000 } from './migrations/1764500000000-case-loop';
import { IntakeOpen3111764510000000 } from './migrations/1764510000000-intake-open311';
import { UnroutedReports1764550000000 } from './migrations/1764550000000-unrouted-reports';
import { PersonalData1764620000000 } from './migrations/1764620000000-personal-data';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { IdempotencyKeys1764710000000 } from './migrations/1764710000000-idempotency-keys';
import { DuplicateLookupIndexes1764720000000 } from './migrations/1764720000000-duplicate-lookup-indexes';
import { CategoryOpen311Attributes1764730000000 } from './migrations/1764730000000-category-open311-attributes';
import { IssueDistricts } from './personal-data/issue-districts';
import { ReporterContactModule } from './personal-data/reporter-contact.module';
import { VolunteerHelpModule } from './volunteer-help/volunteer-help.module';

/**
 * Intake of reported problems, dispatch to the responsible grid, deadlines and escalation: the infrastructure, the
 * grid replica and one module per feature.
 */
@Module({})
export class IssueDispatchModule {
  static with(config: ServiceConfig, intakeConfig: IntakeConfig, personalData: PersonalDataConfig): DynamicModule {
    // One intake for the service (its report use case batches group commits): IssuesModule imports this very module.
    // One categories module too: a PUT clears the policy cache intake reads.
    const categories = CategoriesModule.with(intakeConfig.categoryPolicyCacheMs);
    const intake = IntakeModule.with(intakeConfig, categories);
    return {
      module: IssueDispatchModule,
      // The features first: the OpenAPI document lists routes in module order, and theirs lead it.
      imports: [
        categories,
        IssuesModule.with(intake),
        intake,
        ReporterContactModule,
        VolunteerHelpModule,
        HealthModule,
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [
            ...messagingEntities,
            DurableTimer,
            TenantReplica,
            GridReplica,
            GridBoundaryReplica,
            PlaceReplica,
            ...categoryEntities,
            ...issueEntities,
            ...intakeEntities,
            ...personalDataEntities,
          ],
          migrations: [
            InitialSchema1764300000000,
            IssueReporterSubject1764300000001,
            PlaceReplica1764360000000,
            CaseLoop1764500000000,
            IntakeOpen3111764510000000,
            UnroutedReports1764550000000,
            PersonalData1764620000000,
            TimerTraceContext1764700000000,
            IdempotencyKeys1764710000000,
            DuplicateLookupIndexes1764720000000,
            CategoryOpen311Attributes1764730000000,
            OutboxCommitAnnouncement1764740000000,
          ],
        }),
        RedisModule,
        MessagingModule,
        AuthModule,
        SchedulingModule,
        // The grid tree replica, with boundaries and places for routing by location: read from the start of
        // grid-registry's compacted topics, never by calling it.
        GridReplicaModule.readIn({ subscription: Subscriptions.issueDispatchGridReplica, places: true }),
        // Reporters' contacts: who read them (the auditor's log) and how long they are kept (docs/adr/0022).
        PersonalDataModule.with(personalData, IssueDistricts),
      ],
      // The grid replica's consumer group: its only handlers are the replica's, declared above.
      providers: [provideEventServer(Subscriptions.issueDispatchGridReplica)],
    };
  }
}
