import { DynamicModule, Module } from '@nestjs/common';
import { SubscriptionSpec } from '@gridline/contracts';
import { gridReplicaEventsFor, GridReplicaProjector } from './grid-replica.projector';
import { GridTree } from './grid-tree';
import { placeReplicaEventsFor, PlaceReplicaProjector } from './place-replica.projector';

export interface GridReplicaReading {
  /** The service's consumer group that reads grid-registry's compacted topics into the replica. */
  readonly subscription: SubscriptionSpec;
  /** Also keep grid boundaries and places (routing by location; needs createPlaceReplicaTables). */
  readonly places?: boolean;
}

/**
 * The replica of districts and grids every service keeps from grid-registry's events (never by calling it), and
 * `GridTree` to read it. `readIn` adds the event handlers in the service's own consumer group.
 */
@Module({
  providers: [GridReplicaProjector, PlaceReplicaProjector, GridTree],
  exports: [GridReplicaProjector, PlaceReplicaProjector, GridTree],
})
export class GridReplicaModule {
  static readIn({ subscription, places = false }: GridReplicaReading): DynamicModule {
    return {
      module: GridReplicaModule,
      controllers: [gridReplicaEventsFor(subscription), ...(places ? [placeReplicaEventsFor(subscription)] : [])],
    };
  }
}
