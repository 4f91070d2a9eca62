import { Injectable } from '@nestjs/common';
import { CloudEvent, GridStateChanged, TenantStateChanged } from '@gridline/contracts';
import { EventHandler, HandlingContext, isEvent, PermanentEventError } from '@gridline/messaging';

/**
 * Keeps a service's replica of districts and grids from grid-registry's compacted topics. A state event only
 * replaces an older version, so replays and out-of-order redeliveries leave the newest state in place.
 */
@Injectable()
export class GridReplicaProjector implements EventHandler {
  readonly handles = [TenantStateChanged, GridStateChanged];

  async handle(event: CloudEvent, { manager }: HandlingContext): Promise<void> {
    if (isEvent(event, TenantStateChanged)) {
      const t = event.data;
      await manager.query(
        `INSERT INTO tenant_replica (tenant_id, division_code, name, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE SET division_code = EXCLUDED.division_code, name = EXCLUDED.name, version = EXCLUDED.version
         WHERE tenant_replica.version < EXCLUDED.version`,
        [t.tenantId, t.divisionCode, t.name, t.version],
      );
    } else if (isEvent(event, GridStateChanged)) {
      const g = event.data;
      if (g.tenantId !== event.tenantid) throw new PermanentEventError(`grid ${g.gridId} names tenant ${g.tenantId} but the event is for ${event.tenantid}`);
      await manager.query(
        `INSERT INTO grid_replica (grid_id, tenant_id, parent_id, level, code, name, dedicated, addresses, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (grid_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, level = EXCLUDED.level, code = EXCLUDED.code,
           name = EXCLUDED.name, dedicated = EXCLUDED.dedicated, addresses = EXCLUDED.addresses, version = EXCLUDED.version
         WHERE grid_replica.version < EXCLUDED.version AND grid_replica.tenant_id = EXCLUDED.tenant_id`,
        [g.gridId, g.tenantId, g.parentId, g.level, g.code, g.name, g.dedicated, g.addresses, g.version],
      );
    }
  }
}
