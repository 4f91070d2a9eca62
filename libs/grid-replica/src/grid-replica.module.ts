import { Module } from '@nestjs/common';
import { GridReplicaProjector } from './grid-replica.projector';
import { GridTree } from './grid-tree';

@Module({ providers: [GridReplicaProjector, GridTree], exports: [GridReplicaProjector, GridTree] })
export class GridReplicaModule {}
