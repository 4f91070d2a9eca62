import { Controller, Inject, Injectable, Type } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { EventData, GridStateChanged, SubscriptionSpec, TenantStateChanged } from '@gridline/contracts';
import { HandleEvent, KafkaEventContext, PermanentEventError } from '@gridline/messaging';

/**
 * Keeps a service's replica of districts and grids from grid-registry's compacted topics. A state event only
 * replaces an older version, so replays and out-of-order redeliveries leave the newest state in place.
 */
@Injectable()
export class GridReplicaProjector {
  async tenantChanged(t: EventData<typeof TenantStateChanged>, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO tenant_replica (tenant_id, division_code, name, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET division_code = EXCLUDED.division_code, name = EXCLUDED.name, version = EXCLUDED.version
       WHERE tenant_replica.version < EXCLUDED.version`,
      [t.tenantId, t.divisionCode, t.name, t.version],
    );
  }

  async gridChanged(
    g: EventData<typeof GridStateChanged>,
    envelopeTenant: string,
    manager: EntityManager,
  ): Promise<void> {
    if (g.tenantId !== envelopeTenant)
      throw new PermanentEventError(
        `grid ${g.gridId} names tenant ${g.tenantId} but the event is for ${envelopeTenant}`,
      );
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

/**
 * The grid replica's event handlers in one service's consumer group: every service keeps the same replica, each
 * reads it in a group of its own, so the controller is made per group (list it with `GridReplicaProjector`).
 */
export function gridReplicaEventsFor(subscription: SubscriptionSpec): Type<unknown> {
  @Controller()
  class GridReplicaEvents {
    constructor(@Inject(GridReplicaProjector) private readonly replica: GridReplicaProjector) {}

    @HandleEvent(TenantStateChanged, subscription)
    tenantChanged(
      @Payload() tenant: EventData<typeof TenantStateChanged>,
      @Ctx() { manager }: KafkaEventContext,
    ): Promise<void> {
      return this.replica.tenantChanged(tenant, manager);
    }

    @HandleEvent(GridStateChanged, subscription)
    gridChanged(
      @Payload() grid: EventData<typeof GridStateChanged>,
      @Ctx() { event, manager }: KafkaEventContext,
    ): Promise<void> {
      return this.replica.gridChanged(grid, event.tenantid, manager);
    }
  }
  return GridReplicaEvents;
}
