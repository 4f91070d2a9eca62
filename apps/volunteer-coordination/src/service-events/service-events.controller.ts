import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CorrelationId,
  CurrentIdentity,
  HttpIdempotency,
  Identity,
  NotFoundError,
  Permit,
  TenantParams,
} from '@gridline/platform';
import { DEFAULT_PAGE_SIZE, PageQuery } from '../http/page-query';
import { ServiceEventSeries } from './service-event-series.entity';
import { TenantSeriesParams } from './service-event.params';
import {
  CreatedServiceEventView,
  ServiceEventSeriesPage,
  ServiceEventSeriesView,
  toSeriesView,
} from './service-event.views';
import { CreateServiceEventDto } from './use-cases/create-service-event/create-service-event.dto';
import { CreateServiceEventUseCase } from './use-cases/create-service-event/create-service-event.use-case';

@ApiTags('service-events')
@Controller('v1/tenants/:tenantId/service-events')
export class ServiceEventsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
  async list(
    @Param() { tenantId }: TenantParams,
    @Query() { limit = DEFAULT_PAGE_SIZE, after }: PageQuery,
  ): Promise<ServiceEventSeriesPage> {
    const query = this.dataSource.manager
      .createQueryBuilder(ServiceEventSeries, 's')
      .where('s.tenantId = :tenantId', { tenantId })
      .orderBy('s.createdAt', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(limit + 1);
    if (after !== undefined) {
      query.andWhere(
        '(s.created_at, s.id) > (SELECT c.created_at, c.id FROM service_event_series c WHERE c.tenant_id = :tenantId AND c.id = :after)',
        { after },
      );
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    return { items: items.map(toSeriesView), next: rows.length > limit ? items[items.length - 1].id : null };
  }

  @Get(':seriesId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One service-event series' })
  @ApiOkResponse({ type: ServiceEventSeriesView })
  async get(@Param() { tenantId, seriesId }: TenantSeriesParams): Promise<ServiceEventSeriesView> {
    const series = await this.dataSource.manager.findOneBy(ServiceEventSeries, { tenantId, id: seriesId });
    if (!series)
      throw new NotFoundError('SERIES_NOT_FOUND', `service event ${seriesId} does not exist in district ${tenantId}`);
    return toSeriesView(series);
  }
}
