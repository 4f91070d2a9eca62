import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { DutyRosterView, OnDutyView } from './duty-roster.view';
import { MembersReader } from './members.reader';
import { OnDutyQuery } from './on-duty.query';
import { SetDutyRosterDto } from './use-cases/set-duty-roster/set-duty-roster.dto';
import { SetDutyRosterUseCase } from './use-cases/set-duty-roster/set-duty-roster.use-case';
import { TenantErrors } from '../tenants/tenant-errors';
import { GridErrors } from '../grids/grid-errors';
import { MemberErrors } from './member-errors';

@ApiTags('members')
@Controller('v1/tenants/:tenantId/grids/:gridId')
export class DutyRosterController {
  constructor(
    private readonly grids: GridReader,
    private readonly reader: MembersReader,
    private readonly setDutyRoster: SetDutyRosterUseCase,
  ) {}

  @Put('roster')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      "Replace a grid's weekly duty roster: shifts [{ memberId, weekday 1-7, from, to }] in the district's local time",
    description:
      "Each shift ends after it starts on the same day (a night shift is split at 24:00); every member is an active member of the grid; one member's shifts never overlap. " +
      "The zone is the district's zero-report zone, else Asia/Shanghai. Emits DutyRosterChanged (member ids only) unless nothing changed.",
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: DutyRosterView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
    MemberErrors.SHIFT_ENDS_BEFORE_START,
    MemberErrors.NOT_A_MEMBER_OF_GRID,
    MemberErrors.SHIFTS_OVERLAP,
  )
  async set(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: SetDutyRosterDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<DutyRosterView> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    return this.setDutyRoster.execute({ tenantId, gridId, roster: body, correlationId });
  }

  @Get('roster')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "A grid's weekly duty roster (version 0 and no shifts before the first PUT)" })
  @ApiOkResponse({ type: DutyRosterView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
  )
  async get(
    @Param() { tenantId, gridId }: TenantGridParams,
    @CurrentIdentity() identity: Identity,
  ): Promise<DutyRosterView> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    return this.reader.roster(tenantId, gridId);
  }

  @Get('on-duty')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Who is on duty for a grid at an instant (default now), by its roster in the district time zone',
  })
  @ApiOkResponse({ type: OnDutyView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.GRID_NOT_FOUND,
  )
  async onDuty(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Query() query: OnDutyQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<OnDutyView> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid');
    const at = query.at === undefined ? new Date() : new Date(query.at);
    return this.reader.onDuty(tenantId, gridId, at);
  }
}
