import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { PlacesModule } from '../places/places.module';
import { GridAddress } from './grid-address.entity';
import { GridHistoryReader } from './grid-history.reader';
import { GridReaderModule } from './grid-reader.module';
import { GridVersion } from './grid-version.entity';
import { Grid } from './grid.entity';
import { GridsController } from './grids.controller';
import { CreateGridUseCase } from './use-cases/create-grid/create-grid.use-case';
import { MergeGridsUseCase } from './use-cases/merge-grids/merge-grids.use-case';
import { MoveGridUseCase } from './use-cases/move-grid/move-grid.use-case';
import { RenameGridUseCase } from './use-cases/rename-grid/rename-grid.use-case';
import { ReplaceGridLeaderUseCase } from './use-cases/replace-grid-leader/replace-grid-leader.use-case';
import { RetireGridUseCase } from './use-cases/retire-grid/retire-grid.use-case';
import { SplitGridUseCase } from './use-cases/split-grid/split-grid.use-case';

/** Entities of the grids feature, for the service's DataSource. */
export const gridEntities = [Grid, GridAddress, GridVersion];

/**
 * The grid tree of a district and its history: create, rename, move, retire, merge and split grids and replace
 * their leaders, each announced on the grid-state topic. Merging and splitting move boundaries (places) and end
 * memberships (members), so this feature builds on those two.
 */
@Module({
  imports: [GridReaderModule, PlacesModule, MembersModule],
  controllers: [GridsController],
  providers: [
    GridHistoryReader,
    CreateGridUseCase,
    RenameGridUseCase,
    MoveGridUseCase,
    RetireGridUseCase,
    MergeGridsUseCase,
    SplitGridUseCase,
    ReplaceGridLeaderUseCase,
  ],
  exports: [CreateGridUseCase],
})
export class GridsModule {}
