import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors } from '@gridline/grid-replica';
import { ApiErrors, Permit, PlatformErrors } from '@gridline/platform';
import { IssueAnalyticsErrors } from './issue-errors';
import { TenantIssueParams, TenantParams } from '../http/path-params';
import { IssueAnalyticsReader } from './issue-analytics.reader';
import { EscalationView, IssueCountsView } from './issue-analytics.views';

@ApiTags('issues')
@Controller('v1/tenants/:tenantId/issues')
export class IssueAnalyticsController {
  constructor(private readonly issues: IssueAnalyticsReader) {}

  @Get('counts')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "A district's issues counted by current holder level and by category" })
  @ApiOkResponse({ type: IssueCountsView })
  @ApiErrors(...districtRouteErrors)
  counts(@Param() { tenantId }: TenantParams): Promise<IssueCountsView> {
    return this.issues.counts(tenantId);
  }

  @Get(':issueId/escalation')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'How far an issue escalated, and every holder it passed through' })
  @ApiOkResponse({ type: EscalationView })
  @ApiErrors(
    PlatformErrors.VALIDATION_FAILED,
    PlatformErrors.FORBIDDEN_ROLE,
    PlatformErrors.FORBIDDEN_DISTRICT,
    IssueAnalyticsErrors.ISSUE_NOT_FOUND,
  )
  escalation(@Param() { tenantId, issueId }: TenantIssueParams): Promise<EscalationView> {
    return this.issues.escalation(tenantId, issueId);
  }
}
