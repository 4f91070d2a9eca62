import { EntityManager } from 'typeorm';
import { GridErrors } from '../grids/grid-errors';
import { Grid } from '../grids/grid.entity';
import { requireDistrict } from '../tenants/require-district';

/**
 * The grid of this district, or 404: an unknown district is TENANT_NOT_FOUND; a grid of another district is
 * GRID_NOT_FOUND, exactly like one that does not exist. `lock` takes the grid row FOR UPDATE, which serialises
 * every change to the grid's members and roster (and its leader, which `grids/` changes under the same lock).
 */
export async function gridInDistrict(
  manager: EntityManager,
  tenantId: string,
  gridId: string,
  lock = false,
): Promise<Grid> {
  await requireDistrict(manager, tenantId);
  const grid = await manager.findOne(Grid, {
    where: { tenantId, id: gridId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
  return grid;
}
