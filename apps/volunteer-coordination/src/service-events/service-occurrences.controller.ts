import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CorrelationId,
  CurrentIdentity,
  HttpIdempotency,
  idempotencyRouteErrors,
  Identity,
  Permit,
  PlatformErrors,
  TenantParams,
  tenantRouteErrors,
} from '@gridline/platform';
import { ServiceEventErrors } from './service-event-errors';
import {
  ListOccurrencesQuery,
  ListSignUpsQuery,
  TenantOccurrenceParams,
  TenantSignUpParams,
} from './service-event.params';
import { ServiceOccurrencePage, ServiceOccurrenceView, SignUpPage, SignUpView } from './service-event.views';
import { ServiceOccurrencesReader } from './service-occurrences.reader';
import { ServiceSignUpsReader } from './service-sign-ups.reader';
import { CancelSignUpUseCase } from './use-cases/cancel-sign-up/cancel-sign-up.use-case';
import { RecordAttendanceUseCase } from './use-cases/record-attendance/record-attendance.use-case';
import { SignUpDto } from './use-cases/sign-up/sign-up.dto';
import { SignUpUseCase } from './use-cases/sign-up/sign-up.use-case';

/** What every route on one sign-up may answer first: the occurrence, and a sign-up the caller may see. */
const signUpErrors = [
  ...tenantRouteErrors,
  ServiceEventErrors.OCCURRENCE_NOT_FOUND,
  ServiceEventErrors.SIGN_UP_NOT_FOUND,
] as const;

@ApiTags('service-events')
@Controller('v1/tenants/:tenantId/service-occurrences')
export class ServiceOccurrencesController {
  constructor(
    private readonly occurrences: ServiceOccurrencesReader,
    private readonly signUps: ServiceSignUpsReader,
    private readonly signingUp: SignUpUseCase,
    private readonly cancellations: CancelSignUpUseCase,
    private readonly attendance: RecordAttendanceUseCase,
    private readonly idempotency: HttpIdempotency,
  ) {}

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary:
      "The district's occurrences from `from` (default now) to `to`, soonest first, with places, confirmed and waitlisted counts, in total and per slot or shift",
    description: 'A `to` not after `from` is refused like a malformed parameter (400 VALIDATION_FAILED naming `to`).',
  })
  @ApiOkResponse({ type: ServiceOccurrencePage })
  @ApiErrors(...tenantRouteErrors)
  list(@Param() { tenantId }: TenantParams, @Query() query: ListOccurrencesQuery): Promise<ServiceOccurrencePage> {
    return this.occurrences.page(tenantId, query);
  }

  @Get(':occurrenceId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One occurrence with its slots and shifts' })
  @ApiOkResponse({ type: ServiceOccurrenceView })
  @ApiErrors(...tenantRouteErrors, ServiceEventErrors.OCCURRENCE_NOT_FOUND)
  get(@Param() { tenantId, occurrenceId }: TenantOccurrenceParams): Promise<ServiceOccurrenceView> {
    return this.occurrences.get(tenantId, occurrenceId);
  }

  @Post(':occurrenceId/sign-ups')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary:
      'Sign up: a resident for a slot (themselves), or staff for a volunteer on a shift. Full → waitlisted with a position',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: SignUpView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    ServiceEventErrors.OCCURRENCE_NOT_FOUND,
    ServiceEventErrors.POOL_REQUIRED,
    ServiceEventErrors.UNKNOWN_POOL,
    ServiceEventErrors.VOLUNTEER_NOT_FOUND,
    ServiceEventErrors.VOLUNTEER_LACKS_SKILL,
    ServiceEventErrors.OCCURRENCE_STARTED,
    ServiceEventErrors.ALREADY_SIGNED_UP,
    ServiceEventErrors.POOL_BUSY,
    ...idempotencyRouteErrors,
  )
  async signUp(
    @Param() { tenantId, occurrenceId }: TenantOccurrenceParams,
    @Body() body: SignUpDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpView> {
    return this.idempotency.run(
      `service-sign-up:${tenantId}:${identity.subject}`,
      idempotencyKey,
      { occurrenceId, body },
      () => this.signingUp.execute({ tenantId, occurrenceId, request: body, identity, correlationId }),
    );
  }

  @Get(':occurrenceId/sign-ups')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The occurrence's sign-ups in the order they were made (staff of the event's grid)" })
  @ApiOkResponse({ type: SignUpPage })
  @ApiErrors(...tenantRouteErrors, PlatformErrors.OUTSIDE_YOUR_GRID, ServiceEventErrors.OCCURRENCE_NOT_FOUND)
  listSignUps(
    @Param() { tenantId, occurrenceId }: TenantOccurrenceParams,
    @Query() query: ListSignUpsQuery,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpPage> {
    return this.signUps.page(tenantId, occurrenceId, query, identity);
  }

  @Get(':occurrenceId/sign-ups/:signUpId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One sign-up and, while waitlisted, its current position (its maker or staff)' })
  @ApiOkResponse({ type: SignUpView })
  @ApiErrors(...signUpErrors)
  getSignUp(
    @Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpView> {
    return this.signUps.get(tenantId, occurrenceId, signUpId, identity);
  }

  @Post(':occurrenceId/sign-ups/:signUpId/cancel')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'Cancel before the start; a freed place goes to the first on the waitlist' })
  @ApiOkResponse({ type: SignUpView })
  @ApiErrors(...signUpErrors, ServiceEventErrors.OCCURRENCE_STARTED, ServiceEventErrors.ALREADY_CANCELLED)
  cancel(
    @Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpView> {
    return this.cancellations.execute({ tenantId, occurrenceId, signUpId, identity, correlationId });
  }

  @Post(':occurrenceId/sign-ups/:signUpId/check-in')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'Check a confirmed participant in (from one hour before the start to the end)' })
  @ApiOkResponse({ type: SignUpView })
  @ApiErrors(
    ...signUpErrors,
    ServiceEventErrors.CHECK_IN_CLOSED,
    ServiceEventErrors.NOT_CONFIRMED,
    ServiceEventErrors.ALREADY_CHECKED_IN,
  )
  checkIn(
    @Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpView> {
    return this.attendance.checkIn({ tenantId, occurrenceId, signUpId, identity, correlationId });
  }

  @Post(':occurrenceId/sign-ups/:signUpId/check-out')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary:
      "Check out: records attendance in minutes within the event's hours; a volunteer's shift announces its hours",
  })
  @ApiOkResponse({ type: SignUpView })
  @ApiErrors(
    ...signUpErrors,
    ServiceEventErrors.NOT_CHECKED_IN,
    ServiceEventErrors.ALREADY_CHECKED_OUT,
    ServiceEventErrors.CHECK_OUT_CLOSED,
  )
  checkOut(
    @Param() { tenantId, occurrenceId, signUpId }: TenantSignUpParams,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<SignUpView> {
    return this.attendance.checkOut({ tenantId, occurrenceId, signUpId, identity, correlationId });
  }
}
