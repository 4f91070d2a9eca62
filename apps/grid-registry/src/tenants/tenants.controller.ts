import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
import { TenantParams } from '../http/path-params';
import { TenantErrors } from './tenant-errors';
import { TenantView, toTenantView } from './tenant-view';
import { TenantsReader } from './tenants.reader';
import { CreateTenantDto } from './use-cases/create-tenant/create-tenant.dto';
import { CreateTenantUseCase } from './use-cases/create-tenant/create-tenant.use-case';

@ApiTags('tenants')
@Controller('v1/tenants')
export class TenantsController {
  constructor(
    private readonly reader: TenantsReader,
    private readonly createTenant: CreateTenantUseCase,
  ) {}

  @Post()
  @Permit('city')
  @ApiOperation({ summary: 'Register a district (tenant); announces it on the tenant-state topic' })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: TenantView })
  @ApiErrors(PlatformErrors.VALIDATION_FAILED, PlatformErrors.FORBIDDEN_ROLE, TenantErrors.TENANT_EXISTS)
  async create(@Body() body: CreateTenantDto, @CorrelationId() correlationId: string): Promise<TenantView> {
    return toTenantView(await this.createTenant.execute({ tenant: body, correlationId }));
  }

  @Get()
  @Permit('anyone-signed-in')
  @ApiOperation({ summary: 'List the districts the caller may see: all for city roles, else their own' })
  @ApiOkResponse({ type: [TenantView] })
  list(@CurrentIdentity() identity: Identity): Promise<TenantView[]> {
    return this.reader.list(identity);
  }

  @Get(':tenantId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One district' })
  @ApiOkResponse({ type: TenantView })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND)
  get(@Param() { tenantId }: TenantParams): Promise<TenantView> {
    return this.reader.get(tenantId);
  }
}
