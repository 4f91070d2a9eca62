import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors } from '@gridline/grid-replica';
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
import { GridErrors } from '../access/grid-errors';
import { PageQuery } from '../http/page-query';
import { ServiceEventErrors } from './service-event-errors';
import { ServiceEventSeriesReader } from './service-event-series.reader';
import { TenantSeriesParams } from './service-event.params';
import { CreatedServiceEventView, ServiceEventSeriesPage, ServiceEventSeriesView } from './service-event.views';
import { CreateServiceEventDto } from './use-cases/create-service-event/create-service-event.dto';
import { CreateServiceEventUseCase } from './use-cases/create-service-event/create-service-event.use-case';

@ApiTags('service-events')
@Controller('v1/tenants/:tenantId/service-events')
export class ServiceEventsController {
  constructor(
    private readonly reader: ServiceEventSeriesReader,
    private readonly createServiceEvent: CreateServiceEventUseCase,
    private readonly idempotency: HttpIdempotency,
  ) {}

  @Post()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      'Set up a recurring service event (e.g. the 9th, 19th and 29th; every Saturday) in a grid; occurrences open for the horizon',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: CreatedServiceEventView })
  @ApiErrors(
    ...districtRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    GridErrors.UNKNOWN_GRID,
    ...idempotencyRouteErrors,
  )
  async create(
    @Param() { tenantId }: TenantParams,
    @Body() body: CreateServiceEventDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<CreatedServiceEventView> {
    return this.idempotency.run(`service-event:${tenantId}`, idempotencyKey, body, () =>
      this.createServiceEvent.execute({ tenantId, request: body, identity, correlationId }),
    );
  }

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: "A page of the district's service-event series, oldest first" })
  @ApiOkResponse({ type: ServiceEventSeriesPage })
  @ApiErrors(...tenantRouteErrors)
  list(@Param() { tenantId }: TenantParams, @Query() query: PageQuery): Promise<ServiceEventSeriesPage> {
    return this.reader.page(tenantId, query);
  }

  @Get(':seriesId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One service-event series' })
  @ApiOkResponse({ type: ServiceEventSeriesView })
  @ApiErrors(...tenantRouteErrors, ServiceEventErrors.SERIES_NOT_FOUND)
  get(@Param() { tenantId, seriesId }: TenantSeriesParams): Promise<ServiceEventSeriesView> {
    return this.reader.get(tenantId, seriesId);
  }
}
