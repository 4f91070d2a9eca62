import type { GridState } from '@gridline/contracts';
import { Grid } from './grid.entity';
import { Member } from './member.entity';

/** The whole current state of a grid, as published on the compacted grid-state topic: no contact details. */
export function toGridState(grid: Grid, leader: Member | null): GridState {
  return {
    gridId: grid.id,
    tenantId: grid.tenantId,
    parentId: grid.parentId,
    level: grid.level,
    code: grid.code,
    name: grid.name,
    dedicated: grid.dedicated,
    addresses: [...grid.addresses],
    leader: leader ? { memberId: leader.id, name: leader.name } : null,
    version: grid.version,
    status: grid.status,
  };
}
