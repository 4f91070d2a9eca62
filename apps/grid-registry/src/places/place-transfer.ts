import { EntityManager, In } from 'typeorm';
import { PlaceStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { Place } from './place.entity';
import { toPlaceState } from './place-state';

/**
 * Hands places of one grid to another inside the caller's transaction: the places named (or all of the grid's
 * when `placeIds` is null) together with every place inside them (a courtyard's buildings and their stairwells),
 * so a place never sits in another grid than its parent. Each gets a version and its new state on place-state.
 * Returns how many places moved.
 */
export async function transferPlaces(
  manager: EntityManager,
  outbox: Outbox,
  move: {
    tenantId: string;
    fromGridId: string;
    toGridId: string;
    placeIds: readonly string[] | null;
    now: Date;
    context: EventContext;
  },
): Promise<number> {
  const { tenantId, fromGridId, toGridId, placeIds, now, context } = move;
  const rows: Array<{ id: string }> =
    placeIds === null
      ? await manager.query(`SELECT id FROM places WHERE tenant_id = $1 AND grid_id = $2 FOR UPDATE`, [
          tenantId,
          fromGridId,
        ])
      : await manager.query(
          `WITH RECURSIVE inside AS (
           SELECT id, 0 AS depth FROM places WHERE tenant_id = $1 AND grid_id = $2 AND id = ANY($3::uuid[])
           UNION ALL
           SELECT p.id, inside.depth + 1 FROM places p JOIN inside ON p.parent_place_id = inside.id
            WHERE p.tenant_id = $1 AND p.grid_id = $2 AND inside.depth < 8
         ) SELECT DISTINCT id FROM inside`,
          [tenantId, fromGridId, placeIds],
        );
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  await manager.query(
    `UPDATE places SET grid_id = $3, version = version + 1, updated_at = $4 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, ids, toGridId, now],
  );
  for (const place of await manager.findBy(Place, { tenantId, id: In(ids) }))
    await outbox.add(manager, PlaceStateChanged, toPlaceState(place), context);
  return ids.length;
}

/** The places of a grid that stand on their own (no parent place): what a split shares out. */
export async function topPlaceIdsOf(manager: EntityManager, tenantId: string, gridId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM places WHERE tenant_id = $1 AND grid_id = $2 AND parent_place_id IS NULL ORDER BY created_at, id`,
    [tenantId, gridId],
  );
  return rows.map((row) => row.id);
}
