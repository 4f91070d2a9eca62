import { ConflictError, NotFoundError, UnprocessableError } from '@gridline/platform';
import { Grid } from './grid.entity';

/** Errors shared by the tree-editing use cases (rename, move, retire), so each code reads the same everywhere. */
export const gridChangeErrors = {
  notFound: (tenantId: string, gridId: string) => new NotFoundError('GRID_NOT_FOUND', `grid ${gridId} does not exist in district ${tenantId}`),
  retired: (grid: Grid) => new UnprocessableError('GRID_RETIRED', `grid ${grid.name} (${grid.code}) is retired and can no longer change`),
  duplicateName: (name: string, parent: Grid | null) =>
    new ConflictError('DUPLICATE_GRID_NAME', parent ? `grid ${parent.name} (${parent.code}) already has a child named ${name}` : `the district already has a street named ${name}`),
};
