import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationId, CurrentIdentity, HttpIdempotency, Identity, Permit, TenantParams, ValidationFailedError } from '@gridline/platform';
import { DEFAULT_PAGE_SIZE } from '../http/page-query';
import { OccurrenceAccess } from './occurrence-access';
import { ListOccurrencesQuery, ListSignUpsQuery, TenantOccurrenceParams, TenantSignUpParams } from './service-event.params';
import { ServiceOccurrencePage, ServiceOccurrenceView, SignUpPage, SignUpView, toOccurrenceView, toSignUpView } from './service-event.views';
import { OccurrencePool, ServiceOccurrence } from './service-occurrence.entity';
import { ServiceSignUp } from './service-sign-up.entity';
import { CancelSignUpUseCase } from './use-cases/cancel-sign-up/cancel-sign-up.use-case';
import { RecordAttendanceUseCase } from './use-cases/record-attendance/record-attendance.use-case';
import { SignUpDto } from './use-cases/sign-up/sign-up.dto';
import { SignUpUseCase } from './use-cases/sign-up/sign-up.use-case';

@ApiTags('service-events')
@Controller('v1/tenants/:tenantId/service-occurrences')
export class ServiceOccurrencesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: OccurrenceAccess,
    private readonly signUps: SignUpUseCase,
    private readonly cancellations: CancelSignUpUseCase,
    private readonly attendance: RecordAttendanceUseCase,
    private readonly idempotency: HttpIdempotency,
  ) {}

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: "The district's occurrences from `from` (default now) to `to`, soonest first, with places, confirmed and waitlisted counts, in total and per slot or shift",
  })
  @ApiOkResponse({ type: ServiceOccurrencePage })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (from, to — or `to` not after `from` —, seriesId, limit, after)' })
  async list(@Param() { tenantId }: TenantParams, @Query() { seriesId, from, to, limit = DEFAULT_PAGE_SIZE, after }: ListOccurrencesQuery): Promise<ServiceOccurrencePage> {
    const start = from ? new Date(from) : new Date();
    if (to !== undefined && new Date(to) <= start) throw new ValidationFailedError([{ field: 'to', reason: 'to must be later than from' }]);
    const query = this.dataSource.manager
      .createQueryBuilder(ServiceOccurrence, 'o')
      .where('o.tenantId = :tenantId', { tenantId })
      .andWhere('o.startsAt >= :from', { from: start })
      .orderBy('o.startsAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(limit + 1);
    if (to !== undefined) query.andWhere('o.startsAt < :to', { to: new Date(to) });
    if (seriesId !== undefined) query.andWhere('o.seriesId = :seriesId', { seriesId });
    if (after !== undefined) {
      query.andWhere('(o.starts_at, o.id) > (SELECT c.starts_at, c.id FROM service_occurrences c WHERE c.tenant_id = :tenantId AND c.id = :after)', { after });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    const pools = items.length === 0 ? [] : await this.dataSource.manager
      .createQueryBuilder(OccurrencePool, 'p')
      .where('p.tenantId = :tenantId AND p.occurrenceId IN (:...ids)', { tenantId, ids: items.map((o) => o.id) })
      .orderBy('p.role').addOrderBy('p.name')
      .getMany();
    return { items: items.map((o) => toOccurrenceView(o, pools)), next: rows.length > limit ? items[items.length - 1].id : null };
  }

  @Get(':occurrenceId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One occurrence with its slots and shifts' })
  @ApiOkResponse({ type: ServiceOccurrenceView })
  async get(@Param() { tenantId, occurrenceId }: TenantOccurrenceParams): Promise<ServiceOccurrenceView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    const pools = await this.dataSource.manager.find(OccurrencePool, { where: { tenantId, occurrenceId }, order: { role: 'ASC', name: 'ASC' } });
    return toOccurrenceView(occurrence, pools);
  }

  @Post(':occurrenceId/sign-ups')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'Sign up: a resident for a slot (themselves), or staff for a volunteer on a shift. Full → waitlisted with a position' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: SignUpView })
  async signUp(
    @Param() { tenantId, occurrenceId }: TenantOccurrenceParams,
    @Body() body: SignUpDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpView> {
    return this.idempotency.run(`service-sign-up:${tenantId}:${identity.subject}`, idempotencyKey, { occurrenceId, body }, () =>
      this.signUps.execute({ tenantId, occurrenceId, request: body, identity, correlationId }));
  }

  @Get(':occurrenceId/sign-ups')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The occurrence's sign-ups in the order they were made (staff of the event's grid)" })
  @ApiOkResponse({ type: SignUpPage })
  async listSignUps(
    @Param() { tenantId, occurrenceId }: TenantOccurrenceParams,
    @Query() { status, limit = DEFAULT_PAGE_SIZE, after }: ListSignUpsQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpPage> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    await this.access.assertStaffOnGrid(identity, tenantId, occurrence.gridId);
    const query = this.dataSource.manager
      .createQueryBuilder(ServiceSignUp, 's')
      .where('s.tenantId = :tenantId AND s.occurrenceId = :occurrenceId', { tenantId, occurrenceId })
      .orderBy('s.signedUpAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(limit + 1);
    if (status !== undefined) query.andWhere('s.status = :status', { status });
    if (after !== undefined) {
      query.andWhere('(s.signed_up_at, s.id) > (SELECT c.signed_up_at, c.id FROM service_sign_ups c WHERE c.tenant_id = :tenantId AND c.id = :after)', { after });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    const names = new Map((await this.dataSource.manager.findBy(OccurrencePool, { occurrenceId })).map((p) => [p.id, p.name]));
    const views = await Promise.all(items.map(async (s) => toSignUpView(s, names.get(s.poolId) as string, await this.waitlistPosition(s))));
    return { items: views, next: rows.length > limit ? items[items.length - 1].id : null };
  }

  @Get(':occurrenceId/sign-ups/:signUpId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One sign-up and, while waitlisted, its current position (its maker or staff)' })
  @ApiOkResponse({ type: SignUpView })
  async getSignUp(@Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams, @CurrentIdentity() identity: Identity): Promise<SignUpView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    const signUp = await this.access.signUp(identity, occurrence, signUpId);
    const pool = await this.dataSource.manager.findOneByOrFail(OccurrencePool, { id: signUp.poolId });
    return toSignUpView(signUp, pool.name, await this.waitlistPosition(signUp));
  }

  @Post(':occurrenceId/sign-ups/:signUpId/cancel')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'Cancel before the start; a freed place goes to the first on the waitlist' })
  @ApiOkResponse({ type: SignUpView })
  cancel(@Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams, @CorrelationId() correlationId: string, @CurrentIdentity() identity: Identity): Promise<SignUpView> {
    return this.cancellations.execute({ tenantId, occurrenceId, signUpId, identity, correlationId });
  }

  @Post(':occurrenceId/sign-ups/:signUpId/check-in')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'Check a confirmed participant in (from one hour before the start to the end)' })
  @ApiOkResponse({ type: SignUpView })
  checkIn(@Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams, @CorrelationId() correlationId: string, @CurrentIdentity() identity: Identity): Promise<SignUpView> {
    return this.attendance.checkIn({ tenantId, occurrenceId, signUpId, identity, correlationId });
  }

  @Post(':occurrenceId/sign-ups/:signUpId/check-out')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: "Check out: records attendance in minutes within the event's hours; a volunteer's shift announces its hours" })
  @ApiOkResponse({ type: SignUpView })
  checkOut(@Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams, @CorrelationId() correlationId: string, @CurrentIdentity() identity: Identity): Promise<SignUpView> {
    return this.attendance.checkOut({ tenantId, occurrenceId, signUpId, identity, correlationId });
  }

  private async waitlistPosition(signUp: ServiceSignUp): Promise<number | null> {
    if (signUp.status !== 'waitlisted' || signUp.waitlistSeq === null) return null;
    const [{ position }] = (await this.dataSource.manager.query(
      `SELECT count(*)::int AS position FROM service_sign_ups WHERE pool_id = $1 AND status = 'waitlisted' AND waitlist_seq <= $2`,
      [signUp.poolId, signUp.waitlistSeq],
    )) as Array<{ position: number }>;
    return position;
  }
}
