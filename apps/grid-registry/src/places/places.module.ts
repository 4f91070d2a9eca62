import { Module } from '@nestjs/common';
import { GridReader } from '../grids/grid-reader';
import { BoundariesController } from './boundaries.controller';
import { DistrictBoundariesController } from './district-boundaries.controller';
import { GridBoundary } from './grid-boundary.entity';
import { LocationIndex } from './location-index';
import { Place } from './place.entity';
import { PlaceReader } from './place-reader';
import { PlacesController } from './places.controller';
import { ResolveController } from './resolve.controller';
import { RegisterPlaceUseCase } from './use-cases/register-place/register-place.use-case';
import { RemoveGridBoundaryUseCase } from './use-cases/remove-grid-boundary/remove-grid-boundary.use-case';
import { ResolveBatchUseCase } from './use-cases/resolve-batch/resolve-batch.use-case';
import { ResolveLocationUseCase } from './use-cases/resolve-location/resolve-location.use-case';
import { SetGridBoundaryUseCase } from './use-cases/set-grid-boundary/set-grid-boundary.use-case';

/** Entities of the places feature, for the service's DataSource. */
export const placeEntities = [GridBoundary, Place];

/**
 * Grid boundaries, places and the resolve query. Uses the service's global DataSource and outbox; GridReader
 * (stateless) is provided again here for the access checks' grid lineage.
 */
@Module({
  controllers: [BoundariesController, DistrictBoundariesController, PlacesController, ResolveController],
  exports: [LocationIndex, RegisterPlaceUseCase, SetGridBoundaryUseCase],
  providers: [
    LocationIndex,
    PlaceReader,
    GridReader,
    SetGridBoundaryUseCase,
    RemoveGridBoundaryUseCase,
    RegisterPlaceUseCase,
    ResolveLocationUseCase,
    ResolveBatchUseCase,
  ],
})
export class PlacesModule {}
