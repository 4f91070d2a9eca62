import { Module } from '@nestjs/common';
import { GridReaderModule } from '../grids/grid-reader.module';
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

/** Grid boundaries, registered places (courtyards, buildings) and the query that resolves a point or an address to its grid. */
@Module({
  imports: [GridReaderModule],
  controllers: [BoundariesController, DistrictBoundariesController, PlacesController, ResolveController],
  exports: [LocationIndex, RegisterPlaceUseCase, SetGridBoundaryUseCase],
  providers: [
    LocationIndex,
    PlaceReader,
    SetGridBoundaryUseCase,
    RemoveGridBoundaryUseCase,
    RegisterPlaceUseCase,
    ResolveLocationUseCase,
    ResolveBatchUseCase,
  ],
})
export class PlacesModule {}
