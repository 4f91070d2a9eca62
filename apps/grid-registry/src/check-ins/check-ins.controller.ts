import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CorrelationId,
  CurrentIdentity,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { GridReader } from '../grids/grid-reader';
import { TenantGridParams } from '../http/path-params';
import { CheckInHistoryQuery } from './check-in-history.query';
import { CheckInReader } from './check-in.reader';
import { CheckInDayView, CheckInView } from './check-in.view';
import { CheckInGridDto } from './use-cases/check-in-grid/check-in-grid.dto';
import { CheckInGridUseCase } from './use-cases/check-in-grid/check-in-grid.use-case';
import { TenantErrors } from '../tenants/tenant-errors';
import { GridErrors } from '../grids/grid-errors';
import { CheckInErrors } from './check-in-errors';

@ApiTags('zero-report')
@Controller('v1/tenants/:tenantId/grids/:gridId/check-ins')
export class CheckInsController {
  constructor(
    private readonly grids: GridReader,
    private readonly reader: CheckInReader,
    private readonly checkInGrid: CheckInGridUseCase,
  ) {}

  @Post()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: "Today's check-in (零上报) of a grid: nothing to report, or the matters seen",
    description:
      "One per grid and local day, before the district's cut-off. Repeating the same check-in returns the first one (nothing new is stored or emitted); " +
      'a different one is 409. Emits GridCheckedIn (no reporter, no matter text). Grid staff may check in their grid and the grids below it.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: CheckInView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    CheckInErrors.MATTERS_REQUIRED,
    CheckInErrors.MATTERS_NOT_ALLOWED,
    CheckInErrors.CHECK_IN_DATE_NOT_TODAY,
    CheckInErrors.CHECK_IN_AFTER_CUTOFF,
    CheckInErrors.UNKNOWN_MEMBER,
    CheckInErrors.ALREADY_CHECKED_IN,
  )
  async checkIn(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: CheckInGridDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<CheckInView> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    return this.checkInGrid.execute({ tenantId, gridId, checkIn: body, recordedBy: identity.subject, correlationId });
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      "A grid's zero-report history: each day it checked in or was recorded as missed, newest first (default: the last 30 days)",
  })
  @ApiOkResponse({ type: [CheckInDayView] })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    CheckInErrors.INVALID_DATE_RANGE,
  )
  async history(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Query() query: CheckInHistoryQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<CheckInDayView[]> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    return this.reader.history(tenantId, gridId, query);
  }
}
