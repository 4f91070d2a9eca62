import { ConflictError, NotFoundError, UnprocessableError } from '@gridline/platform';
import { violatedUniqueConstraint } from '../database/unique-violation';
import { Grid } from './grid.entity';

/** Errors shared by the tree-editing use cases (rename, move, retire), so each code reads the same everywhere. */
export const gridChangeErrors = {
  notFound: (tenantId: string, gridId: string) =>
    new NotFoundError('GRID_NOT_FOUND', `grid ${gridId} does not exist in district ${tenantId}`),
  retired: (grid: Grid) =>
    new UnprocessableError('GRID_RETIRED', `grid ${grid.name} (${grid.code}) is retired and can no longer change`),
  duplicateName: (name: string, parent: Grid | null) =>
    new ConflictError(
      'DUPLICATE_GRID_NAME',
      parent
        ? `grid ${parent.name} (${parent.code}) already has a child named ${name}`
        : `the district already has a street named ${name}`,
    ),
};

/**
 * A unique violation that slipped past a tree change's own checks (a race with another writer) as the 409 the
 * checks give: a name clash under one parent, or any other constraint as a retryable CONCURRENT_CHANGE. Anything
 * else is returned as it was.
 */
export function treeChangeConflict(error: unknown, nameClash: string, change: string): unknown {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === null) return error;
  if (constraint === 'grids_name_under_parent_key') return new ConflictError('DUPLICATE_GRID_NAME', nameClash);
  return new ConflictError('CONCURRENT_CHANGE', `the district changed while ${change}; retry the request`);
}
