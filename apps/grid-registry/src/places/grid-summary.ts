import { Grid } from '../grids/grid.entity';
import { GridSummary } from './domain/location-resolver';

export function gridSummaryOf(
  grid: Pick<Grid, 'id' | 'tenantId' | 'level' | 'code' | 'name' | 'dedicated'>,
): GridSummary {
  return {
    gridId: grid.id,
    tenantId: grid.tenantId,
    level: grid.level,
    code: grid.code,
    name: grid.name,
    dedicated: grid.dedicated,
  };
}
