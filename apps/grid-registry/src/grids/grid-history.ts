import { EntityManager } from 'typeorm';
import type { GridLevel } from '@gridline/contracts';
import { codeDigitsByLevel } from './domain/grid-code';
import { Grid } from './grid.entity';
import { GridVersion } from './grid-version.entity';

/**
 * Writes of the effective-dated history (grid_versions), always inside the caller's transaction: the change to
 * `grids` and its history row commit together or not at all.
 */

/** Closes the grid's open period at `validFrom` and opens one with the grid's state as it is now (its new version). */
export async function recordGridVersion(manager: EntityManager, grid: Grid, validFrom: Date): Promise<void> {
  await manager.query(
    `UPDATE grid_versions SET valid_to = $3 WHERE tenant_id = $1 AND grid_id = $2 AND valid_to IS NULL`,
    [grid.tenantId, grid.id, validFrom],
  );
  await manager.insert(GridVersion, {
    tenantId: grid.tenantId,
    gridId: grid.id,
    version: grid.version,
    parentId: grid.parentId,
    level: grid.level,
    code: grid.code,
    name: grid.name,
    dedicated: grid.dedicated,
    status: grid.status,
    validFrom,
    validTo: null,
    recordedAt: new Date(),
  });
}

/**
 * The latest start of the open periods of these grids and of their children (`withChildren`): a back-dated change
 * may not start before it. The epoch when none has a row.
 */
export async function latestOpenPeriodStart(
  manager: EntityManager,
  tenantId: string,
  gridIds: readonly string[],
  withChildren = false,
): Promise<Date> {
  const [{ latest }] = (await manager.query(
    `SELECT max(valid_from) AS latest FROM grid_versions
      WHERE tenant_id = $1 AND valid_to IS NULL AND (grid_id = ANY($2::uuid[]) ${withChildren ? 'OR parent_id = ANY($2::uuid[])' : ''})`,
    [tenantId, gridIds],
  )) as Array<{ latest: Date | null }>;
  return latest ?? new Date(0);
}

/**
 * The highest code of `level` ever issued under `baseCode` in the district, now or in history (at most one per
 * table): what nextUnusedGridCode continues after.
 */
export async function highestIssuedCodes(
  manager: EntityManager,
  tenantId: string,
  baseCode: string,
  level: GridLevel,
): Promise<string[]> {
  const length = baseCode.length + codeDigitsByLevel[level];
  const rows = (await manager.query(
    `(SELECT code FROM grid_versions WHERE tenant_id = $1 AND code LIKE $2 AND length(code) = $3 ORDER BY code DESC LIMIT 1)
     UNION ALL
     (SELECT code FROM grids WHERE tenant_id = $1 AND code LIKE $2 AND length(code) = $3 ORDER BY code DESC LIMIT 1)`,
    [tenantId, `${baseCode}%`, length],
  )) as Array<{ code: string }>;
  return rows.map((row) => row.code);
}
