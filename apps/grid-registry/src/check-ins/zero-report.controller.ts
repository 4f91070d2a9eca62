import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permit } from '@gridline/platform';
import { ApiErrorView } from '../http/api-error.view';
import { TenantParams } from '../http/path-params';
import { CheckInReader } from './check-in.reader';
import { MissingGridsQuery } from './missing-grids.query';
import { MissingGridsView } from './missing-grids.view';
import { SetZeroReportPolicyDto } from './use-cases/set-zero-report-policy/set-zero-report-policy.dto';
import { SetZeroReportPolicyUseCase } from './use-cases/set-zero-report-policy/set-zero-report-policy.use-case';
import { ZeroReportPolicyView } from './zero-report-policy.view';

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
    description: 'Replaces the whole policy and re-plans the cut-off timer in the same transaction. The answer names the next cut-off.',
  })
  @ApiOkResponse({ type: ZeroReportPolicyView })
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED (e.g. cutoff not HH:mm, unknown timeZone or level)' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND' })
  put(@Param() { tenantId }: TenantParams, @Body() body: SetZeroReportPolicyDto): Promise<ZeroReportPolicyView> {
    return this.setPolicy.execute({ tenantId, policy: body });
  }

  @Get('zero-report-policy')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The district's zero-report policy and its next cut-off" })
  @ApiOkResponse({ type: ZeroReportPolicyView })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND, ZERO_REPORT_POLICY_NOT_FOUND' })
  get(@Param() { tenantId }: TenantParams): Promise<ZeroReportPolicyView> {
    return this.reader.policy(tenantId);
  }

  @Get('zero-report/missing')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Grids without a check-in for a day (default today)',
    description: "Before the day's cut-off has run: grids at the policy's levels that have not checked in yet (status pending). " +
      'After: the grids recorded as missed (status missed). Ordered by code; page with `after` = the last code.',
  })
  @ApiOkResponse({ type: MissingGridsView })
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND' })
  missing(@Param() { tenantId }: TenantParams, @Query() query: MissingGridsQuery): Promise<MissingGridsView> {
    return this.reader.missing(tenantId, query);
  }
}
