import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { CheckInReader } from './check-in.reader';
import { ComplianceQuery } from './compliance.query';
import { ComplianceView } from './compliance.view';
import { MissingGridsQuery } from './missing-grids.query';
import { MissingGridsView } from './missing-grids.view';
import { SetZeroReportPolicyDto } from './use-cases/set-zero-report-policy/set-zero-report-policy.dto';
import { SetZeroReportPolicyUseCase } from './use-cases/set-zero-report-policy/set-zero-report-policy.use-case';
import { ZeroReportPolicyView } from './zero-report-policy.view';
import { TenantErrors } from '../tenants/tenant-errors';
import { CheckInErrors } from './check-in-errors';

@ApiTags('zero-report')
@Controller('v1/tenants/:tenantId')
export class ZeroReportController {
  constructor(
    private readonly reader: CheckInReader,
    private readonly setPolicy: SetZeroReportPolicyUseCase,
  ) {}

  @Put('zero-report-policy')
  @Permit('district-admin')
  @ApiOperation({
    summary: "Set the district's zero-report (零上报) policy: daily cut-off, time zone, levels that must check in",
    description:
      'Replaces the whole policy and re-plans the cut-off timer in the same transaction. The answer names the next cut-off.',
  })
  @ApiOkResponse({ type: ZeroReportPolicyView })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND)
  put(@Param() { tenantId }: TenantParams, @Body() body: SetZeroReportPolicyDto): Promise<ZeroReportPolicyView> {
    return this.setPolicy.execute({ tenantId, policy: body });
  }

  @Get('zero-report-policy')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The district's zero-report policy and its next cut-off" })
  @ApiOkResponse({ type: ZeroReportPolicyView })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND, CheckInErrors.ZERO_REPORT_POLICY_NOT_FOUND)
  get(@Param() { tenantId }: TenantParams): Promise<ZeroReportPolicyView> {
    return this.reader.policy(tenantId);
  }

  @Get('zero-report/missing')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Grids without a check-in for a day (default today)',
    description:
      "Before the day's cut-off has run: grids at the policy's levels that have not checked in yet (status pending). " +
      'After: the grids recorded as missed (status missed). Ordered by code; page with `after` = the last code.',
  })
  @ApiOkResponse({ type: MissingGridsView })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND)
  missing(@Param() { tenantId }: TenantParams, @Query() query: MissingGridsQuery): Promise<MissingGridsView> {
    return this.reader.missing(tenantId, query);
  }

  @Get('zero-report/compliance')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      'Zero-report compliance for a day (default today): how many of the grids that owe a check-in made it, and which',
    description:
      "Before the day's cut-off has run: the active grids at the policy's levels, each reported or not yet. After: the grids recorded as missed and " +
      "those at the policy's levels that checked in. `rate` = reported / expected (null when none is expected).",
  })
  @ApiOkResponse({ type: ComplianceView })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND)
  compliance(@Param() { tenantId }: TenantParams, @Query() query: ComplianceQuery): Promise<ComplianceView> {
    return this.reader.compliance(tenantId, query);
  }
}
