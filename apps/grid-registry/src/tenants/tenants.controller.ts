import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CorrelationId, CurrentIdentity, hasRole, Identity, NotFoundError, Permit } from '@gridline/platform';
import { ApiErrorView } from '../http/api-error.view';
import { TenantParams } from '../http/path-params';
import { Tenant } from './tenant.entity';
import { TenantView, toTenantView } from './tenant-view';
import { CreateTenantDto } from './use-cases/create-tenant/create-tenant.dto';
import { CreateTenantUseCase } from './use-cases/create-tenant/create-tenant.use-case';

@ApiTags('tenants')
@Controller('v1/tenants')
export class TenantsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly createTenant: CreateTenantUseCase,
  ) {}

  @Post()
  @Permit('city')
  @ApiOperation({ summary: 'Register a district (tenant); announces it on the tenant-state topic' })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: TenantView })
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({ type: ApiErrorView, description: 'TENANT_EXISTS: the slug or the division code is taken' })
  async create(@Body() body: CreateTenantDto, @CorrelationId() correlationId: string): Promise<TenantView> {
    return toTenantView(await this.createTenant.execute({ tenant: body, correlationId }));
  }

  @Get()
  @Permit('anyone-signed-in')
  @ApiOperation({ summary: 'List the districts the caller may see: all for city roles, else their own' })
  @ApiOkResponse({ type: [TenantView] })
  async list(@CurrentIdentity() identity: Identity): Promise<TenantView[]> {
    const cityWide = hasRole(identity, 'city-admin', 'city-viewer');
    const tenants = await this.dataSource.manager.find(Tenant, {
      where: cityWide ? {} : { tenantId: identity.tenantId ?? '' },
      order: { tenantId: 'ASC' },
    });
    return tenants.map(toTenantView);
  }

  @Get(':tenantId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One district' })
  @ApiOkResponse({ type: TenantView })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND' })
  async get(@Param() { tenantId }: TenantParams): Promise<TenantView> {
    const tenant = await this.dataSource.manager.findOneBy(Tenant, { tenantId });
    if (!tenant) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} does not exist`);
    return toTenantView(tenant);
  }
}
