import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CorrelationId, CurrentIdentity, Identity, Permit } from '@gridline/platform';
import { GridReader } from '../grids/grid-reader';
import { ApiErrorView } from '../http/api-error.view';
import { TenantGridParams } from '../http/path-params';
import { CheckInHistoryQuery } from './check-in-history.query';
import { CheckInReader } from './check-in.reader';
import { CheckInDayView, CheckInView } from './check-in.view';
import { CheckInGridDto } from './use-cases/check-in-grid/check-in-grid.dto';
import { CheckInGridUseCase } from './use-cases/check-in-grid/check-in-grid.use-case';

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
  @ApiBadRequestResponse({
    type: ApiErrorView,
    description: 'VALIDATION_FAILED (e.g. date not YYYY-MM-DD, description longer than 500, reportedBy empty)',
  })
  @ApiForbiddenResponse({ type: ApiErrorView, description: 'OUTSIDE_YOUR_GRID' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND, GRID_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorView,
    description:
      'MATTERS_REQUIRED, MATTERS_NOT_ALLOWED, CHECK_IN_DATE_NOT_TODAY, CHECK_IN_AFTER_CUTOFF, UNKNOWN_MEMBER',
  })
  @ApiConflictResponse({ type: ApiErrorView, description: 'ALREADY_CHECKED_IN' })
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
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ type: ApiErrorView, description: 'OUTSIDE_YOUR_GRID' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND, GRID_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorView,
    description: 'INVALID_DATE_RANGE (more than 366 days); `from` after `to` is a 400 VALIDATION_FAILED',
  })
  async history(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Query() query: CheckInHistoryQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<CheckInDayView[]> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    return this.reader.history(tenantId, gridId, query);
  }
}
