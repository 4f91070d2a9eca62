import { DynamicModule, Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { ReporterContactModule } from '../personal-data/reporter-contact.module';
import { CaseAccessModule } from './case-access.module';
import { CaseEscalation } from './case-escalation';
import { CaseWorkflow } from './case-workflow';
import { IssueHistoryEntry } from './issue-history.entity';
import { Issue } from './issue.entity';
import { IssueCaseController } from './issue-case.controller';
import { IssuesController } from './issues.controller';
import { IssuesReader } from './issues.reader';
import { QueueReader } from './queue/queue.reader';
import { AcceptIssueUseCase } from './use-cases/accept-issue/accept-issue.use-case';
import { AcknowledgeIssueUseCase } from './use-cases/acknowledge-issue/acknowledge-issue.use-case';
import { CloseIssueUseCase } from './use-cases/close-issue/close-issue.use-case';
import { DecideExtensionUseCase } from './use-cases/decide-extension/decide-extension.use-case';
import { DispatchIssueUseCase } from './use-cases/dispatch-issue/dispatch-issue.use-case';
import { EscalateIssueManuallyUseCase } from './use-cases/escalate-issue-manually/escalate-issue-manually.use-case';
import { EscalateIssueUseCase } from './use-cases/escalate-issue/escalate-issue.use-case';
import { ParkIssueUseCase } from './use-cases/park-issue/park-issue.use-case';
import { RateIssueUseCase } from './use-cases/rate-issue/rate-issue.use-case';
import { ReassignIssueUseCase } from './use-cases/reassign-issue/reassign-issue.use-case';
import { RejectIssueUseCase } from './use-cases/reject-issue/reject-issue.use-case';
import { RequestExtensionUseCase } from './use-cases/request-extension/request-extension.use-case';
import { ResolveIssueUseCase } from './use-cases/resolve-issue/resolve-issue.use-case';
import { ReturnIssueUseCase } from './use-cases/return-issue/return-issue.use-case';
import { StartWorkUseCase } from './use-cases/start-work/start-work.use-case';
import { UnparkIssueUseCase } from './use-cases/unpark-issue/unpark-issue.use-case';
import { VerifyIssueUseCase } from './use-cases/verify-issue/verify-issue.use-case';

/** Entities of the issues feature, for the service's DataSource. */
export const issueEntities = [Issue, IssueHistoryEntry];

/**
 * The case loop: a reported issue from dispatch to the responsible grid through acknowledgement, work,
 * verification and closing, with its deadlines, escalation up the grid tree when one passes, and the dispatch
 * centre's queue. Reports come in through the service's one IntakeModule, which the root builds and hands in.
 */
@Module({})
export class IssuesModule {
  static with(intake: DynamicModule): DynamicModule {
    return {
      module: IssuesModule,
      imports: [GridReplicaModule, CaseAccessModule, ReporterContactModule, intake],
      controllers: [IssuesController, IssueCaseController],
      providers: [
        IssuesReader,
        QueueReader,
        CaseWorkflow,
        CaseEscalation,
        AcknowledgeIssueUseCase,
        EscalateIssueUseCase,
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
      ],
    };
  }
}
