import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { GridsModule } from '../grids/grids.module';
import { MembersModule } from '../members/members.module';
import { PlacesModule } from '../places/places.module';
import { CsvBodyMiddleware, GeoJsonBodyMiddleware } from './import-body.middleware';
import { ImportJob } from './import-job.entity';
import { ImportJobs } from './import-jobs';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { PlaceImporter } from './place-importer';
import { ImportGeoJsonUseCase } from './use-cases/import-geojson/import-geojson.use-case';
import { ImportGridsUseCase } from './use-cases/import-grids/import-grids.use-case';
import { ImportMembersUseCase } from './use-cases/import-members/import-members.use-case';
import { ImportPlacesUseCase } from './use-cases/import-places/import-places.use-case';

/** Entities of the imports feature, for the service's DataSource. */
export const importEntities = [ImportJob];

/**
 * Bulk import of a district's grids, places and members (CSV) and boundaries and places (GeoJSON). Owns only its
 * jobs table (`?async=true`, ADR 0018): it writes through the single-item use cases' `…Within(manager, …)` methods (CreateGridUseCase,
 * RegisterPlaceUseCase, SetGridBoundaryUseCase, AddMemberUseCase), so it emits exactly the events single
 * requests do.
 */
@Module({
  imports: [GridsModule, PlacesModule, MembersModule],
  controllers: [ImportsController],
  providers: [
    ImportGridsUseCase,
    PlaceImporter,
    ImportPlacesUseCase,
    ImportGeoJsonUseCase,
    ImportMembersUseCase,
    ImportJobs,
    ImportRunner,
  ],
})
export class ImportsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsvBodyMiddleware).forRoutes(
      ...['grids', 'places', 'members'].map((kind) => ({
        path: `v1/tenants/:tenantId/imports/${kind}`,
        method: RequestMethod.POST,
      })),
    );
    consumer
      .apply(GeoJsonBodyMiddleware)
      .forRoutes({ path: 'v1/tenants/:tenantId/imports/geojson', method: RequestMethod.POST });
  }
}
