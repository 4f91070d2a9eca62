import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors, GridTree } from '@gridline/grid-replica';
import { AccessedVia, AccessRoute } from '@gridline/personal-data';
import {
  ApiErrors,
  assertCanActOnGrid,
  CorrelationId,
  CurrentIdentity,
  HttpIdempotency,
  idempotencyRouteErrors,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { GridErrors } from '../access/grid-errors';
import { PageQuery } from '../http/page-query';
import { TenantParams, TenantVolunteerParams } from '../http/path-params';
import { TeamErrors } from '../teams/team-errors';
import { RegisterVolunteerDto } from './use-cases/register-volunteer/register-volunteer.dto';
import { RegisterVolunteerUseCase } from './use-cases/register-volunteer/register-volunteer.use-case';
import { UpdateVolunteerDto } from './use-cases/update-volunteer/update-volunteer.dto';
import { UpdateVolunteerUseCase } from './use-cases/update-volunteer/update-volunteer.use-case';
import { VolunteerErrors } from './volunteer-errors';
import { toVolunteerView, VolunteerContactView, VolunteerPage, VolunteerView } from './volunteer-view';
import { VolunteersReader } from './volunteers.reader';

@ApiTags('volunteers')
@Controller('v1/tenants/:tenantId/volunteers')
export class VolunteersController {
  constructor(
    private readonly reader: VolunteersReader,
    private readonly registerVolunteer: RegisterVolunteerUseCase,
    private readonly updateVolunteer: UpdateVolunteerUseCase,
    private readonly idempotency: HttpIdempotency,
    private readonly grids: GridTree,
  ) {}

  @Post()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      'Register a volunteer: kind, home grid, skills (catalogue, level, certificate), availability, weekly cap, consent, team',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key register one volunteer.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: VolunteerView })
  @ApiErrors(
    ...districtRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    VolunteerErrors.UNKNOWN_SKILL,
    VolunteerErrors.DUPLICATE_SKILL,
    VolunteerErrors.INVALID_AVAILABILITY,
    GridErrors.UNKNOWN_GRID,
    TeamErrors.UNKNOWN_TEAM,
    ...idempotencyRouteErrors,
  )
  async register(
    @Param() { tenantId }: TenantParams,
    @Body() body: RegisterVolunteerDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<VolunteerView> {
    // A grid leader or worker registers volunteers for their own grid or below it.
    const lineage = (await this.grids.lineage(tenantId, body.homeGridId)).map((grid) => grid.gridId);
    if (lineage.length > 0) assertCanActOnGrid(identity, lineage, 'the home grid');
    return this.idempotency.run(`volunteer-registration:${tenantId}`, idempotencyKey, body, async () =>
      toVolunteerView(await this.registerVolunteer.execute({ tenantId, registration: body, correlationId })),
    );
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "A page of the district's volunteers, oldest registration first" })
  @ApiOkResponse({ type: VolunteerPage })
  @ApiErrors(...tenantRouteErrors)
  list(@Param() { tenantId }: TenantParams, @Query() query: PageQuery): Promise<VolunteerPage> {
    return this.reader.page(tenantId, query);
  }

  @Get(':volunteerId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'One volunteer (no phone number)' })
  @ApiOkResponse({ type: VolunteerView })
  @ApiErrors(...tenantRouteErrors, VolunteerErrors.VOLUNTEER_NOT_FOUND)
  get(@Param() { tenantId, volunteerId }: TenantVolunteerParams): Promise<VolunteerView> {
    return this.reader.get(tenantId, volunteerId);
  }

  @Patch(':volunteerId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: 'Change availability, weekly cap or consent (staff of the home grid, or the volunteer themselves)',
  })
  @ApiOkResponse({ type: VolunteerView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    VolunteerErrors.VOLUNTEER_NOT_FOUND,
    VolunteerErrors.INVALID_AVAILABILITY,
  )
  async update(
    @Param() { tenantId, volunteerId }: TenantVolunteerParams,
    @Body() body: UpdateVolunteerDto,
    @CurrentIdentity() identity: Identity,
  ): Promise<VolunteerView> {
    return toVolunteerView(await this.updateVolunteer.execute(tenantId, volunteerId, body, identity));
  }

  @Get(':volunteerId/contact')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      "A volunteer's name and phone, for staff who must call them; only with the volunteer's consent (403 NO_CONSENT). " +
      'Every answer is recorded in the contact access log (who, when, which volunteer as `memberId`, this route) for the auditor',
  })
  @ApiOkResponse({ type: VolunteerContactView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    VolunteerErrors.NO_CONSENT,
    VolunteerErrors.VOLUNTEER_NOT_FOUND,
  )
  contact(
    @Param() { tenantId, volunteerId }: TenantVolunteerParams,
    @CurrentIdentity() identity: Identity,
    @AccessedVia() via: AccessRoute,
  ): Promise<VolunteerContactView> {
    return this.reader.contact(tenantId, volunteerId, identity, via);
  }
}
