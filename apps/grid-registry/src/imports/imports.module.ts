import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CreateGridUseCase } from '../grids/use-cases/create-grid/create-grid.use-case';
import { CsvBodyMiddleware } from './csv-body.middleware';
import { ImportsController } from './imports.controller';
import { ImportGridsUseCase } from './use-cases/import-grids/import-grids.use-case';

/**
 * Bulk import of a district's grids from CSV. Owns no tables: it creates grids through CreateGridUseCase
 * (stateless, provided again here), so it emits exactly the GridStateChanged events a single create does.
 */
@Module({
  controllers: [ImportsController],
  providers: [CreateGridUseCase, ImportGridsUseCase],
})
export class ImportsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsvBodyMiddleware).forRoutes({ path: 'v1/tenants/:tenantId/imports/grids', method: RequestMethod.POST });
  }
}
