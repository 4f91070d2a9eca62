import { Body, Controller, Get, Headers, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { AccessedVia, AccessRoute, ContactAccessLog } from '@gridline/personal-data';
import {
  assertCanActOnGrid,
  CorrelationId,
  CurrentIdentity,
  ForbiddenError,
  HttpIdempotency,
  Identity,
  NotFoundError,
  Permit,
} from '@gridline/platform';
import { DEFAULT_PAGE_SIZE, PageQuery } from '../http/page-query';
import { TenantParams, TenantVolunteerParams } from '../http/path-params';
import { RegisterVolunteerDto } from './use-cases/register-volunteer/register-volunteer.dto';
import { RegisterVolunteerUseCase } from './use-cases/register-volunteer/register-volunteer.use-case';
import { UpdateVolunteerDto } from './use-cases/update-volunteer/update-volunteer.dto';
import { UpdateVolunteerUseCase } from './use-cases/update-volunteer/update-volunteer.use-case';
import { Volunteer } from './volunteer.entity';
import { toVolunteerView, VolunteerContactView, VolunteerPage, VolunteerView } from './volunteer-view';

@ApiTags('volunteers')
@Controller('v1/tenants/:tenantId/volunteers')
export class VolunteersController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registerVolunteer: RegisterVolunteerUseCase,
    private readonly updateVolunteer: UpdateVolunteerUseCase,
    private readonly idempotency: HttpIdempotency,
    private readonly grids: GridTree,
    private readonly accessLog: ContactAccessLog,
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
  async list(
    @Param() { tenantId }: TenantParams,
    @Query() { limit = DEFAULT_PAGE_SIZE, after }: PageQuery,
  ): Promise<VolunteerPage> {
    const query = this.dataSource.manager
      .createQueryBuilder(Volunteer, 'v')
      .where('v.tenantId = :tenantId', { tenantId })
      .orderBy('v.registeredAt', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .take(limit + 1);
    if (after !== undefined) {
      query.andWhere(
        '(v.registered_at, v.id) > (SELECT c.registered_at, c.id FROM volunteers c WHERE c.tenant_id = :tenantId AND c.id = :after)',
        { after },
      );
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items: items.map(toVolunteerView), next: rows.length > limit ? items[items.length - 1].id : null };
  }

  @Get(':volunteerId')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'One volunteer (no phone number)' })
  @ApiOkResponse({ type: VolunteerView })
  async get(@Param() { tenantId, volunteerId }: TenantVolunteerParams): Promise<VolunteerView> {
    return toVolunteerView(await this.find(tenantId, volunteerId));
  }

  @Patch(':volunteerId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: 'Change availability, weekly cap or consent (staff of the home grid, or the volunteer themselves)',
  })
  @ApiOkResponse({ type: VolunteerView })
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
  async contact(
    @Param() { tenantId, volunteerId }: TenantVolunteerParams,
    @CurrentIdentity() identity: Identity,
    @AccessedVia() via: AccessRoute,
  ): Promise<VolunteerContactView> {
    const volunteer = await this.find(tenantId, volunteerId);
    const lineage = (await this.grids.lineage(tenantId, volunteer.homeGridId)).map((grid) => grid.gridId);
    assertCanActOnGrid(identity, lineage, "the volunteer's home grid");
    if (!volunteer.consentToContact)
      throw new ForbiddenError('NO_CONSENT', `volunteer ${volunteerId} did not agree to be contacted`);
    await this.accessLog.record(identity, via, {
      tenantId,
      memberId: volunteer.id,
      fields: ['name', 'phone'],
      purpose: 'volunteer-contact',
    });
    return { volunteerId: volunteer.id, name: volunteer.name, phone: volunteer.phone };
  }

  private async find(tenantId: string, volunteerId: string): Promise<Volunteer> {
    const volunteer = await this.dataSource.manager.findOneBy(Volunteer, { tenantId, id: volunteerId });
    if (!volunteer)
      throw new NotFoundError('VOLUNTEER_NOT_FOUND', `volunteer ${volunteerId} does not exist in district ${tenantId}`);
    return volunteer;
  }
}
