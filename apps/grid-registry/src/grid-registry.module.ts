import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@gridline/messaging';
import { AuthModule, DatabaseModule, HealthModule, ServiceConfig, ServiceConfigModule } from '@gridline/platform';
import { DurableTimer, SchedulingModule } from '@gridline/scheduling';
import { PersonalDataConfig, personalDataEntities, PersonalDataModule } from '@gridline/personal-data';
import { CheckIn } from './check-ins/check-in.entity';
import { CheckInDayClosing } from './check-ins/check-in-day-closing.entity';
import { CheckInReader } from './check-ins/check-in.reader';
import { CheckInsController } from './check-ins/check-ins.controller';
import { MissedCheckIn } from './check-ins/missed-check-in.entity';
import { CheckInGridUseCase } from './check-ins/use-cases/check-in-grid/check-in-grid.use-case';
import { CloseCheckInDayUseCase } from './check-ins/use-cases/close-check-in-day/close-check-in-day.use-case';
import { SetZeroReportPolicyUseCase } from './check-ins/use-cases/set-zero-report-policy/set-zero-report-policy.use-case';
import { ZeroReportController } from './check-ins/zero-report.controller';
import { ZeroReportPolicy } from './check-ins/zero-report-policy.entity';
import { GridAddress } from './grids/grid-address.entity';
import { Grid } from './grids/grid.entity';
import { GridHistoryReader } from './grids/grid-history.reader';
import { GridVersion } from './grids/grid-version.entity';
import { GridReader } from './grids/grid-reader';
import { GridsController } from './grids/grids.controller';
import { CreateGridUseCase } from './grids/use-cases/create-grid/create-grid.use-case';
import { ReplaceGridLeaderUseCase } from './grids/use-cases/replace-grid-leader/replace-grid-leader.use-case';
import { MoveGridUseCase } from './grids/use-cases/move-grid/move-grid.use-case';
import { RenameGridUseCase } from './grids/use-cases/rename-grid/rename-grid.use-case';
import { MergeGridsUseCase } from './grids/use-cases/merge-grids/merge-grids.use-case';
import { SplitGridUseCase } from './grids/use-cases/split-grid/split-grid.use-case';
import { RetireGridUseCase } from './grids/use-cases/retire-grid/retire-grid.use-case';
import { InitialSchema1764200000000 } from './migrations/1764200000000-initial-schema';
import { ZeroReport1764310000000 } from './migrations/1764310000000-zero-report';
import { MembersAndRoster1764380000000 } from './migrations/1764380000000-members-and-roster';
import { Places1764350000000 } from './migrations/1764350000000-places';
import { GridCodePrefixIndex1764400000000 } from './migrations/1764400000000-grid-code-prefix-index';
import { GridHistory1764390000000 } from './migrations/1764390000000-grid-history';
import { ImportJobs1764560000000 } from './migrations/1764560000000-import-jobs';
import { PersonalData1764620000000 } from './migrations/1764620000000-personal-data';
import { TimerTraceContext1764700000000 } from './migrations/1764700000000-timer-trace-context';
import { RegistryDistricts } from './tenants/registry-districts';
import { importEntities, ImportsModule } from './imports/imports.module';
import { memberEntities, MembersModule } from './members/members.module';
import { placeEntities, PlacesModule } from './places/places.module';
import { Tenant } from './tenants/tenant.entity';
import { TenantsController } from './tenants/tenants.controller';
import { TenantsReader } from './tenants/tenants.reader';
import { CreateTenantUseCase } from './tenants/use-cases/create-tenant/create-tenant.use-case';

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
        HealthModule,
        ServiceConfigModule.with(config),
        DatabaseModule.forService({
          entities: [
            ...messagingEntities,
            Tenant,
            Grid,
            GridAddress,
            DurableTimer,
            ZeroReportPolicy,
            CheckIn,
            MissedCheckIn,
            CheckInDayClosing,
            ...placeEntities,
            ...memberEntities,
            GridVersion,
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
          ],
        }),
        MessagingModule,
        SchedulingModule,
        AuthModule,
        // Members' phones: who read them (the auditor's log) and how long they are kept after a membership ends (docs/adr/0022).
        PersonalDataModule.with(personalData, RegistryDistricts),
        PlacesModule,
        MembersModule,
        ImportsModule,
      ],
      controllers: [TenantsController, GridsController, ZeroReportController, CheckInsController],
      providers: [
        CreateTenantUseCase,
        TenantsReader,
        CreateGridUseCase,
        ReplaceGridLeaderUseCase,
        GridReader,
        CheckInReader,
        SetZeroReportPolicyUseCase,
        CheckInGridUseCase,
        CloseCheckInDayUseCase,
        GridHistoryReader,
        RenameGridUseCase,
        MoveGridUseCase,
        RetireGridUseCase,
        MergeGridsUseCase,
        SplitGridUseCase,
      ],
    };
  }
}
