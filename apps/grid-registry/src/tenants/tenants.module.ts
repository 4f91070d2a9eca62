import { Module } from '@nestjs/common';
import { Tenant } from './tenant.entity';
import { TenantsController } from './tenants.controller';
import { TenantsReader } from './tenants.reader';
import { CreateTenantUseCase } from './use-cases/create-tenant/create-tenant.use-case';

/** Entities of the tenants feature, for the service's DataSource. */
export const tenantEntities = [Tenant];

/** The city's districts (tenants): created by the city, announced on the tenant-state topic. */
@Module({
  controllers: [TenantsController],
  providers: [TenantsReader, CreateTenantUseCase],
})
export class TenantsModule {}
