import { EntityManager } from 'typeorm';
import { Grid } from './grid.entity';

/**
 * The grid's id, then its ancestors' up to the street, read in the caller's transaction (GridReader.lineage reads
 * outside one, for access checks before a use case starts).
 */
export async function lineageOf(manager: EntityManager, tenantId: string, gridId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, 0 AS depth FROM grids WHERE tenant_id = $1 AND id = $2
       UNION ALL
       SELECT g.id, g.parent_id, up.depth + 1 FROM grids g JOIN up ON g.id = up.parent_id AND g.tenant_id = $1
       WHERE up.depth < 16
     ) SELECT id FROM up ORDER BY depth`,
    [tenantId, gridId],
  );
  return rows.map((row) => row.id);
}

/**
 * The active grids below `gridId` (not itself), parents before children, locked for update. A retired grid has no
 * active children, so the active descendants are exactly those reached through active grids.
 */
export async function lockActiveDescendants(manager: EntityManager, tenantId: string, gridId: string): Promise<Grid[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `WITH RECURSIVE down AS (
       SELECT id, 0 AS depth FROM grids WHERE tenant_id = $1 AND id = $2
       UNION ALL
       SELECT g.id, down.depth + 1 FROM grids g JOIN down ON g.parent_id = down.id AND g.tenant_id = $1
       WHERE g.status = 'active' AND down.depth < 16
     ) SELECT id FROM down WHERE depth > 0 ORDER BY depth, id`,
    [tenantId, gridId],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const grids = await manager
    .createQueryBuilder(Grid, 'g')
    .setLock('pessimistic_write')
    .where('g.tenantId = :tenantId AND g.id IN (:...ids)', { tenantId, ids })
    .getMany();
  const order = new Map(ids.map((id, index) => [id, index]));
  return grids.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
