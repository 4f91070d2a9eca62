import { Injectable } from '@nestjs/common';
import { CloudEvent, GridBoundaryChanged, PlaceStateChanged } from '@gridline/contracts';
import { EventHandler, HandlingContext, isEvent, PermanentEventError } from '@gridline/messaging';

/**
 * Keeps a service's replica of grid boundaries and places from grid-registry's compacted topics (needs
 * createPlaceReplicaTables). Like the grid replica, a state event only replaces an older version, and an event
 * whose payload names another district than its envelope is refused.
 */
@Injectable()
export class PlaceReplicaProjector implements EventHandler {
  readonly handles = [GridBoundaryChanged, PlaceStateChanged];

  async handle(event: CloudEvent, { manager }: HandlingContext): Promise<void> {
    if (isEvent(event, GridBoundaryChanged)) {
      const b = event.data;
      if (b.tenantId !== event.tenantid) throw new PermanentEventError(`boundary of grid ${b.gridId} names tenant ${b.tenantId} but the event is for ${event.tenantid}`);
      const [minLon, minLat, maxLon, maxLat] = b.bbox ?? [null, null, null, null];
      await manager.query(
        `INSERT INTO grid_boundary_replica (grid_id, tenant_id, boundary, min_lon, min_lat, max_lon, max_lat, version)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)
         ON CONFLICT (grid_id) DO UPDATE SET boundary = EXCLUDED.boundary, min_lon = EXCLUDED.min_lon, min_lat = EXCLUDED.min_lat,
           max_lon = EXCLUDED.max_lon, max_lat = EXCLUDED.max_lat, version = EXCLUDED.version
         WHERE grid_boundary_replica.version < EXCLUDED.version AND grid_boundary_replica.tenant_id = EXCLUDED.tenant_id`,
        [b.gridId, b.tenantId, b.boundary === null ? null : JSON.stringify(b.boundary), minLon, minLat, maxLon, maxLat, b.version],
      );
    } else if (isEvent(event, PlaceStateChanged)) {
      const p = event.data;
      if (p.tenantId !== event.tenantid) throw new PermanentEventError(`place ${p.placeId} names tenant ${p.tenantId} but the event is for ${event.tenantid}`);
      await manager.query(
        `INSERT INTO place_replica (place_id, tenant_id, grid_id, parent_place_id, kind, name, address, lon, lat, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (place_id) DO UPDATE SET grid_id = EXCLUDED.grid_id, parent_place_id = EXCLUDED.parent_place_id, kind = EXCLUDED.kind,
           name = EXCLUDED.name, address = EXCLUDED.address, lon = EXCLUDED.lon, lat = EXCLUDED.lat, version = EXCLUDED.version
         WHERE place_replica.version < EXCLUDED.version AND place_replica.tenant_id = EXCLUDED.tenant_id`,
        [p.placeId, p.tenantId, p.gridId, p.parentPlaceId, p.kind, p.name, p.address, p.point?.lon ?? null, p.point?.lat ?? null, p.version],
      );
    }
  }
}
