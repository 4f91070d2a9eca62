import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, messagingEntities, OutboxCommitAnnouncement1764740000000 } from '@gridline/messaging';
import { AuthModule, DatabaseModule, HealthModule, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { PersonalDataConfig, personalDataEntities, PersonalDataModule } from '@gridline/personal-data';
import { checkInEntities, CheckInsModule } from './check-ins/check-ins.module';
import { gridEntities, GridsModule } from './grids/grids.module';
import { importEntities, ImportsModule } from './imports/imports.module';
import { memberEntities, MembersModule } from './members/members.module';
import { InitialSchema1764200000000 } from './migrations/1764200000000-initial-schema';
import { ZeroReport1764310000000 } from './migrations/1764310000000-zero-report';
import { MembersAndRoster1764380000000 } from './migrations/1764380000000-members-and-roster';
import { Places1764350000000 } from './migrations/1764350000000-places';
import { GridCodePrefixIndex1764400000000 } from './migrations/1764400000000-grid-code-prefix-index';
import { GridHistory1764390000000 } from './migrations/1764390000000-grid-history';
import { ImportJobs1764560000000 } from './migrations/1764560000000-import-jobs';
import { PersonalData1764620000000 } from './migrations/1764620000000-personal-data';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { placeEntities, PlacesModule } from './places/places.module';
import { RegistryDistricts } from './tenants/registry-districts';
import { tenantEntities, TenantsModule } from './tenants/tenants.module';

/**
 * The source of truth for districts and their grid tree. It consumes nothing (yet); it publishes tenant and
 * grid state through the outbox only, so other services keep replicas without ever calling it.
 */
@Module({})
export class GridRegistryModule {
  static with(config: ServiceConfig, personalData: PersonalDataConfig): DynamicModule {
    return {
      module: GridRegistryModule,
      imports: [
        // The features first: the OpenAPI document lists routes in module order, and theirs lead it.
        TenantsModule,
        GridsModule,
        CheckInsModule,
        PlacesModule,
        MembersModule,
        ImportsModule,
        HealthModule,
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [
            ...messagingEntities,
            DurableTimer,
            ...tenantEntities,
            ...gridEntities,
            ...checkInEntities,
            ...placeEntities,
            ...memberEntities,
            ...importEntities,
            ...personalDataEntities,
          ],
          migrations: [
            InitialSchema1764200000000,
            ZeroReport1764310000000,
            Places1764350000000,
            MembersAndRoster1764380000000,
            GridHistory1764390000000,
            GridCodePrefixIndex1764400000000,
            ImportJobs1764560000000,
            PersonalData1764620000000,
            TimerTraceContext1764700000000,
            OutboxCommitAnnouncement1764740000000,
          ],
        }),
        MessagingModule,
        SchedulingModule,
        AuthModule,
        // Members' phones: who read them (the auditor's log) and how long they are kept after a membership ends (docs/adr/0022).
        PersonalDataModule.with(personalData, RegistryDistricts),
      ],
    };
  }
}
