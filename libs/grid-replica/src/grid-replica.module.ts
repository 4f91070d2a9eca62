import { Module } from '@nestjs/common';
import { GridReplicaProjector } from './grid-replica.projector';
import { GridTree } from './grid-tree';
import { PlaceReplicaProjector } from './place-replica.projector';

@Module({ providers: [GridReplicaProjector, PlaceReplicaProjector, GridTree], exports: [GridReplicaProjector, PlaceReplicaProjector, GridTree] })
export class GridReplicaModule {}
