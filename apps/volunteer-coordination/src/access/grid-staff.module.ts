import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { GridStaff } from './grid-staff';

/** Who leads or works in which grid, from the replica: the access checks of the community-level features. */
@Module({ imports: [GridReplicaModule], providers: [GridStaff], exports: [GridStaff] })
export class GridStaffModule {}
