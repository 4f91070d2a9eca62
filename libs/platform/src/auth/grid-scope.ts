import { PlatformErrors } from '../http/error-catalogue';
import { gridsOf, hasRole, Identity } from './identity';

/**
 * May this identity act on a grid, given the grid's lineage (the grid itself first, then its ancestors)?
 * District staff may act anywhere in their district; a grid leader or worker on their grid and everything
 * below it, which is the case exactly when one of their grids is in the lineage.
 */
export function canActOnGrid(identity: Identity, lineage: readonly string[]): boolean {
  if (hasRole(identity, 'city-admin', 'district-admin', 'dispatcher')) return true;
  const own = new Set(gridsOf(identity));
  return lineage.some((gridId) => own.has(gridId));
}

export function assertCanActOnGrid(identity: Identity, lineage: readonly string[], what: string): void {
  if (!canActOnGrid(identity, lineage)) {
    throw PlatformErrors.OUTSIDE_YOUR_GRID(what);
  }
}
