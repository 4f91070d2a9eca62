import { Controller, Inject, Injectable, Type } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { EventData, GridBoundaryChanged, PlaceStateChanged, SubscriptionSpec } from '@gridline/contracts';
import { HandleEvent, KafkaEventContext, PermanentEventError } from '@gridline/messaging';

/**
 * Keeps a service's replica of grid boundaries and places from grid-registry's compacted topics (needs
 * createPlaceReplicaTables). Like the grid replica, a state event only replaces an older version, and an event
 * whose payload names another district than its envelope is refused.
 */
@Injectable()
export class PlaceReplicaProjector {
  async boundaryChanged(
    b: EventData<typeof GridBoundaryChanged>,
    envelopeTenant: string,
    manager: EntityManager,
  ): Promise<void> {
    if (b.tenantId !== envelopeTenant)
      throw new PermanentEventError(
        `boundary of grid ${b.gridId} names tenant ${b.tenantId} but the event is for ${envelopeTenant}`,
      );
    const [minLon, minLat, maxLon, maxLat] = b.bbox ?? [null, null, null, null];
    await manager.query(
      `INSERT INTO grid_boundary_replica (grid_id, tenant_id, boundary, min_lon, min_lat, max_lon, max_lat, version)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)
       ON CONFLICT (grid_id) DO UPDATE SET boundary = EXCLUDED.boundary, min_lon = EXCLUDED.min_lon, min_lat = EXCLUDED.min_lat,
         max_lon = EXCLUDED.max_lon, max_lat = EXCLUDED.max_lat, version = EXCLUDED.version
       WHERE grid_boundary_replica.version < EXCLUDED.version AND grid_boundary_replica.tenant_id = EXCLUDED.tenant_id`,
      [
        b.gridId,
        b.tenantId,
        b.boundary === null ? null : JSON.stringify(b.boundary),
        minLon,
        minLat,
        maxLon,
        maxLat,
        b.version,
      ],
    );
  }

  async placeChanged(
    p: EventData<typeof PlaceStateChanged>,
    envelopeTenant: string,
    manager: EntityManager,
  ): Promise<void> {
    if (p.tenantId !== envelopeTenant)
      throw new PermanentEventError(
        `place ${p.placeId} names tenant ${p.tenantId} but the event is for ${envelopeTenant}`,
      );
    await manager.query(
      `INSERT INTO place_replica (place_id, tenant_id, grid_id, parent_place_id, kind, name, address, lon, lat, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (place_id) DO UPDATE SET grid_id = EXCLUDED.grid_id, parent_place_id = EXCLUDED.parent_place_id, kind = EXCLUDED.kind,
         name = EXCLUDED.name, address = EXCLUDED.address, lon = EXCLUDED.lon, lat = EXCLUDED.lat, version = EXCLUDED.version
       WHERE place_replica.version < EXCLUDED.version AND place_replica.tenant_id = EXCLUDED.tenant_id`,
      [
        p.placeId,
        p.tenantId,
        p.gridId,
        p.parentPlaceId,
        p.kind,
        p.name,
        p.address,
        p.point?.lon ?? null,
        p.point?.lat ?? null,
        p.version,
      ],
    );
  }
}

/** The place replica's event handlers in one service's consumer group (list it with `PlaceReplicaProjector`). */
export function placeReplicaEventsFor(subscription: SubscriptionSpec): Type<unknown> {
  @Controller()
  class PlaceReplicaEvents {
    constructor(@Inject(PlaceReplicaProjector) private readonly replica: PlaceReplicaProjector) {}

    @HandleEvent(GridBoundaryChanged, subscription)
    boundaryChanged(
      @Payload() boundary: EventData<typeof GridBoundaryChanged>,
      @Ctx() { event, manager }: KafkaEventContext,
    ): Promise<void> {
      return this.replica.boundaryChanged(boundary, event.tenantid, manager);
    }

    @HandleEvent(PlaceStateChanged, subscription)
    placeChanged(
      @Payload() place: EventData<typeof PlaceStateChanged>,
      @Ctx() { event, manager }: KafkaEventContext,
    ): Promise<void> {
      return this.replica.placeChanged(place, event.tenantid, manager);
    }
  }
  return PlaceReplicaEvents;
}
