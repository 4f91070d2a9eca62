import { EntityManager } from 'typeorm';
import { GridBoundaryChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import type { BBox, BoundaryGeometry } from '@gridline/location';
import { Grid } from '../grids/grid.entity';
import { GridBoundary } from './grid-boundary.entity';
import { toGridBoundaryState } from './place-state';

export interface ValidBoundary {
  readonly geometry: BoundaryGeometry;
  readonly bbox: BBox;
  readonly positions: number;
}

/**
 * Stores a validated boundary for a grid whose version the caller has just raised (the boundary carries that
 * version, so replicas order it) and announces it on grid-boundaries, in the caller's transaction.
 */
export async function storeBoundary(
  manager: EntityManager,
  outbox: Outbox,
  grid: Grid,
  boundary: ValidBoundary,
  context: EventContext,
): Promise<GridBoundary> {
  const { geometry, bbox, positions } = boundary;
  const row = manager.create(GridBoundary, {
    tenantId: grid.tenantId,
    gridId: grid.id,
    geometry,
    minLon: bbox[0],
    minLat: bbox[1],
    maxLon: bbox[2],
    maxLat: bbox[3],
    positions,
    version: grid.version,
    updatedAt: grid.updatedAt,
  });
  await manager.upsert(GridBoundary, row, ['tenantId', 'gridId']);
  await outbox.add(
    manager,
    GridBoundaryChanged,
    toGridBoundaryState(grid.tenantId, grid.id, { geometry, bbox }, grid.version),
    context,
  );
  return row;
}

/**
 * Deletes a grid's boundary, if it has one, and announces a null boundary (a tombstone) at the grid's current
 * version, which the caller has just raised. Returns whether there was one.
 */
export async function dropBoundary(
  manager: EntityManager,
  outbox: Outbox,
  grid: Grid,
  context: EventContext,
): Promise<boolean> {
  const removed = await manager.delete(GridBoundary, { tenantId: grid.tenantId, gridId: grid.id });
  if (!removed.affected) return false;
  await outbox.add(
    manager,
    GridBoundaryChanged,
    toGridBoundaryState(grid.tenantId, grid.id, null, grid.version),
    context,
  );
  return true;
}
