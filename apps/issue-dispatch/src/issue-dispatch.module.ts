import { DynamicModule, Module } from '@nestjs/common';
import { Subscriptions } from '@gridline/contracts';
import {
  GridBoundaryReplica,
  GridReplica,
  GridReplicaModule,
  PlaceReplica,
  TenantReplica,
} from '@gridline/grid-replica';
import { MessagingModule, messagingEntities, provideEventServer } from '@gridline/messaging';
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
import { CategoriesController } from './categories/categories.controller';
import { CategoriesReader } from './categories/categories.reader';
import { PutCategoryPolicyUseCase } from './categories/use-cases/put-category-policy/put-category-policy.use-case';
import { CategoryPolicy } from './categories/category-policy.entity';

import { Issue } from './issues/issue.entity';
import { IssueHistoryEntry } from './issues/issue-history.entity';
import { IssuesController } from './issues/issues.controller';
import { IssuesReader } from './issues/issues.reader';
import { IssueCaseController } from './issues/issue-case.controller';
import { CaseClocks } from './issues/case-clocks';
import { CaseEscalation } from './issues/case-escalation';
import { CaseWorkflow } from './issues/case-workflow';
import { QueueReader } from './issues/queue/queue.reader';
import { AcceptIssueUseCase } from './issues/use-cases/accept-issue/accept-issue.use-case';
import { CloseIssueUseCase } from './issues/use-cases/close-issue/close-issue.use-case';
import { DecideExtensionUseCase } from './issues/use-cases/decide-extension/decide-extension.use-case';
import { DispatchIssueUseCase } from './issues/use-cases/dispatch-issue/dispatch-issue.use-case';
import { EscalateIssueManuallyUseCase } from './issues/use-cases/escalate-issue-manually/escalate-issue-manually.use-case';
import { ParkIssueUseCase } from './issues/use-cases/park-issue/park-issue.use-case';
import { RateIssueUseCase } from './issues/use-cases/rate-issue/rate-issue.use-case';
import { ReassignIssueUseCase } from './issues/use-cases/reassign-issue/reassign-issue.use-case';
import { RejectIssueUseCase } from './issues/use-cases/reject-issue/reject-issue.use-case';
import { RequestExtensionUseCase } from './issues/use-cases/request-extension/request-extension.use-case';
import { ResolveIssueUseCase } from './issues/use-cases/resolve-issue/resolve-issue.use-case';
import { ReturnIssueUseCase } from './issues/use-cases/return-issue/return-issue.use-case';
import { StartWorkUseCase } from './issues/use-cases/start-work/start-work.use-case';
import { UnparkIssueUseCase } from './issues/use-cases/unpark-issue/unpark-issue.use-case';
import { VerifyIssueUseCase } from './issues/use-cases/verify-issue/verify-issue.use-case';
import { AcknowledgeIssueUseCase } from './issues/use-cases/acknowledge-issue/acknowledge-issue.use-case';
import { EscalateIssueUseCase } from './issues/use-cases/escalate-issue/escalate-issue.use-case';
import { ReportIssueUseCase } from './issues/use-cases/report-issue/report-issue.use-case';
import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema';
import { IssueReporterSubject1764300000001 } from './migrations/1764300000001-issue-reporter-subject';
import { PlaceReplica1764360000000 } from './migrations/1764360000000-place-replica';
import { CaseLoop1764500000000 } from './migrations/1764500000000-case-loop';
import { IssueAccess } from './issues/issue-access';
import { PossibleDuplicates } from './intake/duplicates/possible-duplicates';
import { INTAKE_CONFIG, IntakeConfig } from './intake/intake-config';
import { Open311AccessGuard } from './intake/open311/open311-access.guard';
import { Open311ApiKey } from './intake/open311/open311-api-key.entity';
import { Open311ApiKeys } from './intake/open311/open311-api-keys';
import { Open311ApiKeysController } from './intake/open311/open311-api-keys.controller';
import { Open311Controller } from './intake/open311/open311.controller';
import { Open311ServicesReader } from './intake/open311/open311-services.reader';
import { Open311RateLimiter } from './intake/open311/open311-rate-limiter';
import { IssueApiKeyUseCase } from './intake/open311/use-cases/issue-api-key/issue-api-key.use-case';
import { ListServiceRequestsUseCase } from './intake/open311/use-cases/list-service-requests/list-service-requests.use-case';
import { PostServiceRequestUseCase } from './intake/open311/use-cases/post-service-request/post-service-request.use-case';
import { ReportIntake } from './intake/report-intake';
import { IntakeOpen3111764510000000 } from './migrations/1764510000000-intake-open311';
import { UnroutedReports1764550000000 } from './migrations/1764550000000-unrouted-reports';
import { VolunteerHelpHistoryHandler } from './volunteer-help/volunteer-help-history.handler';
import { PersonalData1764620000000 } from './migrations/1764620000000-personal-data';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { IdempotencyKeys1764710000000 } from './migrations/1764710000000-idempotency-keys';
import { DuplicateLookupIndexes1764720000000 } from './migrations/1764720000000-duplicate-lookup-indexes';
import { CategoryOpen311Attributes1764730000000 } from './migrations/1764730000000-category-open311-attributes';
import { IssueDistricts } from './personal-data/issue-districts';
import { ReporterContactController } from './personal-data/reporter-contact.controller';
import { ReporterContactErasure } from './personal-data/reporter-contact-erasure';
import { ReporterContactReader } from './personal-data/reporter-contact.reader';
import { ReporterContactReads } from './personal-data/reporter-contact-reads';
import { EraseExpiredContactUseCase } from './personal-data/use-cases/erase-expired-contact/erase-expired-contact.use-case';
import { EraseOwnContactUseCase } from './personal-data/use-cases/erase-own-contact/erase-own-contact.use-case';

@Module({})
export class IssueDispatchModule {
  static with(config: ServiceConfig, intake: IntakeConfig, personalData: PersonalDataConfig): DynamicModule {
    return {
      module: IssueDispatchModule,
      imports: [
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
            CategoryPolicy,
            Issue,
            IssueHistoryEntry,
            Open311ApiKey,
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
      controllers: [
        CategoriesController,
        IssuesController,
        IssueCaseController,
        Open311Controller,
        Open311ApiKeysController,
        ReporterContactController,
        // The volunteer help an issue gets, into its history: read from volunteer-coordination's task-offers topic.
        VolunteerHelpHistoryHandler,
      ],
      providers: [
        CategoriesReader,
        PutCategoryPolicyUseCase,
        IssueAccess,
        IssuesReader,
        ReportIssueUseCase,
        AcknowledgeIssueUseCase,
        EscalateIssueUseCase,
        CaseClocks,
        CaseWorkflow,
        QueueReader,
        CaseEscalation,
        AcceptIssueUseCase,
        RejectIssueUseCase,
        DispatchIssueUseCase,
        StartWorkUseCase,
        ResolveIssueUseCase,
        VerifyIssueUseCase,
        CloseIssueUseCase,
        RateIssueUseCase,
        RequestExtensionUseCase,
        DecideExtensionUseCase,
        ReturnIssueUseCase,
        EscalateIssueManuallyUseCase,
        ReassignIssueUseCase,
        ParkIssueUseCase,
        UnparkIssueUseCase,
        // Intake: the one path every report takes (REST or Open311), duplicates, Open311 keys and rate limits.
        { provide: INTAKE_CONFIG, useValue: intake },
        ReportIntake,
        PossibleDuplicates,
        Open311ApiKeys,
        Open311RateLimiter,
        Open311AccessGuard,
        Open311ServicesReader,
        PostServiceRequestUseCase,
        ListServiceRequestsUseCase,
        IssueApiKeyUseCase,
        // Personal data: reads recorded, contacts erased after the retention period or at the reporter's request.
        ReporterContactReads,
        ReporterContactReader,
        ReporterContactErasure,
        EraseExpiredContactUseCase,
        EraseOwnContactUseCase,
        provideEventServer(Subscriptions.issueDispatchGridReplica),
        provideEventServer(Subscriptions.issueDispatchVolunteerHistory),
      ],
    };
  }
}
