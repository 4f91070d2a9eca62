import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@gridline/messaging';
import { AuthModule, DatabaseModule, HealthController, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { GridAddress } from './grids/grid-address.entity';
import { Grid } from './grids/grid.entity';
import { GridReader } from './grids/grid-reader';
import { GridsController } from './grids/grids.controller';
import { Member } from './grids/member.entity';
import { CreateGridUseCase } from './grids/use-cases/create-grid/create-grid.use-case';
import { ReplaceGridLeaderUseCase } from './grids/use-cases/replace-grid-leader/replace-grid-leader.use-case';
import { InitialSchema1764200000000 } from './migrations/1764200000000-initial-schema';
import { Tenant } from './tenants/tenant.entity';
import { TenantsController } from './tenants/tenants.controller';
import { CreateTenantUseCase } from './tenants/use-cases/create-tenant/create-tenant.use-case';

/**
 * The source of truth for districts and their grid tree. It consumes nothing (yet); it publishes tenant and
 * grid state through the outbox only, so other services keep replicas without ever calling it.
 */
@Module({})
export class GridRegistryModule {
  static with(config: ServiceConfig): DynamicModule {
    return {
      module: GridRegistryModule,
      imports: [
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [...messagingEntities, Tenant, Grid, GridAddress, Member],
          migrations: [InitialSchema1764200000000],
        }),
        MessagingModule,
        AuthModule,
      ],
      controllers: [HealthController, TenantsController, GridsController],
      providers: [CreateTenantUseCase, CreateGridUseCase, ReplaceGridLeaderUseCase, GridReader],
    };
  }
}
