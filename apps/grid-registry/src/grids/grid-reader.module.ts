import { Module } from '@nestjs/common';
import { GridReader } from './grid-reader';

/**
 * The district's grids as read models, on their own so that the features the grids feature itself depends on
 * (places, members) can check a grid's lineage without a cycle between their modules.
 */
@Module({ providers: [GridReader], exports: [GridReader] })
export class GridReaderModule {}
