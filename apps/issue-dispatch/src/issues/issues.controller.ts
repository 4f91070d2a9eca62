import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CorrelationId,
  CurrentIdentity,
  IdempotencyErrors,
  Identity,
  Permit,
  PlatformErrors,
} from '@gridline/platform';
import { districtRouteErrors } from '@gridline/grid-replica';
import { AccessedVia, AccessRoute } from '@gridline/personal-data';

import { TenantIssueParams, TenantParams } from '../intake/path-params';
import { ReportIntake } from '../intake/report-intake';
import { ReportedIssueView } from '../intake/reported-issue-view';
import { CaseDetailView } from './case-detail-view';
import { assertMayUseChannel } from '../intake/reporting-channel';
import { IntakeErrors } from '../intake/intake-errors';
import { caseActionErrors, IssueErrors, issueReadErrors } from './issue-errors';
import { IssueHistoryEntry } from './issue-history.entity';
import { IssuesReader } from './issues.reader';
import { CaseView, toIssueView } from './issue-view';
import { AcknowledgeIssueDto } from './use-cases/acknowledge-issue/acknowledge-issue.dto';
import { AcknowledgeIssueUseCase } from './use-cases/acknowledge-issue/acknowledge-issue.use-case';
import { QueueQuery } from './queue/queue.query';
import { QueueReader } from './queue/queue.reader';
import { QueuePageView } from './queue/queue.view';
import { ReportIssueDto } from './use-cases/report-issue/report-issue.dto';

@ApiTags('issues')
@Controller('v1/tenants/:tenantId/issues')
export class IssuesController {
  constructor(
    private readonly reader: IssuesReader,
    private readonly intake: ReportIntake,
    private readonly acknowledgeIssue: AcknowledgeIssueUseCase,
    private readonly queueReader: QueueReader,
  ) {}

  @Post()
  @Permit('resident', 'grid-staff', 'district-staff')
  @ApiOperation({ summary: 'Report a problem; it is dispatched to the grid that holds its location' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key create one issue.' })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({
    type: ReportedIssueView,
    description: 'The issue, with `possibleDuplicates`: earlier open reports likely of the same problem.',
  })
  // Not IDEMPOTENT_REQUEST_COMPLETED: a replay whose answer was lost is rebuilt from the issue it made.
  @ApiErrors(
    ...districtRouteErrors,
    IntakeErrors.FORBIDDEN_CHANNEL,
    IssueErrors.UNKNOWN_CATEGORY,
    IssueErrors.UNKNOWN_GRID,
    IssueErrors.LOCATION_NOT_IN_DISTRICT,
    IdempotencyErrors.BAD_IDEMPOTENCY_KEY,
    IdempotencyErrors.IDEMPOTENCY_KEY_REUSED,
    IdempotencyErrors.IDEMPOTENCY_STORE_UNAVAILABLE,
  )
  async report(
    @Param() { tenantId }: TenantParams,
    @Body() body: ReportIssueDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
    @AccessedVia() via: AccessRoute,
  ): Promise<ReportedIssueView> {
    assertMayUseChannel(identity, body.channel);
    // Keys are per caller: two residents who pick the same key do not see each other's reports.
    return this.intake.submit({
      tenantId,
      report: body,
      correlationId,
      reporterSubject: identity.subject,
      idempotencyScope: `issue-report:${tenantId}:${identity.subject}`,
      idempotencyKey,
      // The answer shows the reporter their own contact: intake has it in the access log before it leaves.
      reader: identity,
      via,
    });
  }

  @Post(':issueId/acknowledge')
  @Permit('grid-staff', 'district-staff')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The holder acknowledges the issue; the acknowledgement clock stops, the resolve clock runs',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiErrors(...caseActionErrors, IssueErrors.ISSUE_PARKED)
  async acknowledge(
    @Param() { tenantId, issueId }: TenantIssueParams,
    @Body() body: AcknowledgeIssueDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<CaseView> {
    return toIssueView(
      await this.acknowledgeIssue.execute({ tenantId, issueId, identity, expectedVersion: body.expectedVersion }, body),
    );
  }

  // Declared before ':issueId' so that `queue` is not taken for an issue id.
  @Get('queue')
  @Permit('district-staff')
  @ApiOperation({
    summary:
      "The district dispatch centre's queue: reports waiting to be accepted and cases waiting to be dispatched (returned ones too), oldest report first",
    description:
      'Paged by `limit` (1–200, default 50) and `offset`; `total` counts the whole queue and `waitingSeconds` runs to `asOf`, all read in one snapshot.',
  })
  @ApiOkResponse({ type: QueuePageView })
  @ApiErrors(PlatformErrors.VALIDATION_FAILED, PlatformErrors.FORBIDDEN_ROLE, PlatformErrors.FORBIDDEN_DISTRICT)
  queue(@Param() { tenantId }: TenantParams, @Query() query: QueueQuery): Promise<QueuePageView> {
    return this.queueReader.page(tenantId, query);
  }

  @Get(':issueId')
  @Permit('resident', 'grid-staff', 'district-staff')
  @ApiOperation({
    summary:
      'One issue as it stands, with the actions the caller may take on it now; residents see only their own; the contact only for its reporter and district staff, until erased',
    description:
      'An answer that carries the contact is recorded in the contact access log (who, when, which case, this route).',
  })
  @ApiOkResponse({ type: CaseDetailView })
  @ApiErrors(...issueReadErrors)
  get(
    @Param() { tenantId, issueId }: TenantIssueParams,
    @CurrentIdentity() identity: Identity,
    @AccessedVia() via: AccessRoute,
  ): Promise<CaseDetailView> {
    return this.reader.detail(tenantId, issueId, identity, via);
  }

  @Get(':issueId/history')
  @Permit('resident', 'grid-staff', 'district-staff')
  @ApiOperation({
    summary:
      'Every action on the case: who (subject, role, grid), when, at which holder, and why — append-only (责任倒查)',
  })
  @ApiErrors(...issueReadErrors)
  history(
    @Param() { tenantId, issueId }: TenantIssueParams,
    @CurrentIdentity() identity: Identity,
  ): Promise<IssueHistoryEntry[]> {
    return this.reader.history(tenantId, issueId, identity);
  }
}
