import { EntityManager } from 'typeorm';
import { GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { GridAddress } from './grid-address.entity';
import { recordGridVersion } from './grid-history';
import { Grid } from './grid.entity';
import { toGridState } from './grid-state';
import { Member } from './member.entity';

/**
 * Takes a grid (locked by the caller) out of the current tree inside the caller's transaction: it releases its
 * address claims (another grid may take them), gets status 'retired' and no addresses, a version, a history row
 * from `effectiveFrom`, and its state on grid-state — so replicas stop routing to it by address even if they
 * ignore the status. Shared by retire, merge (the absorbed grids) and split (the split grid).
 */
export async function retireGridRow(
  manager: EntityManager,
  outbox: Outbox,
  grid: Grid,
  leader: Member | null,
  effectiveFrom: Date,
  now: Date,
  context: EventContext,
): Promise<void> {
  await manager.delete(GridAddress, { tenantId: grid.tenantId, gridId: grid.id });
  grid.status = 'retired';
  grid.addresses = [];
  grid.version += 1;
  grid.updatedAt = now;
  await manager.update(
    Grid,
    { tenantId: grid.tenantId, id: grid.id },
    { status: grid.status, addresses: grid.addresses, version: grid.version, updatedAt: now },
  );
  await recordGridVersion(manager, grid, effectiveFrom);
  await outbox.add(manager, GridStateChanged, toGridState(grid, leader), context);
}
