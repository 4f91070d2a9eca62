import { Injectable } from '@nestjs/common';
import { GridTree } from '@gridline/grid-replica';
import { assertCanActOnGrid, hasRole, Identity } from '@gridline/platform';

/**
 * Who counts as staff of a grid in this service: the district's administrators and dispatchers, and leaders
 * or workers of the grid or any grid above it (from the grid replica's lineage).
 */
@Injectable()
export class GridStaff {
  constructor(private readonly grids: GridTree) {}

  async assertStaffOf(identity: Identity, tenantId: string, gridId: string, what: string): Promise<void> {
    const lineage = (await this.grids.lineage(tenantId, gridId)).map((grid) => grid.gridId);
    assertCanActOnGrid(identity, lineage.length > 0 ? lineage : [gridId], what);
  }

  async isStaffOf(identity: Identity, tenantId: string, gridId: string): Promise<boolean> {
    if (hasRole(identity, 'city-admin', 'district-admin', 'dispatcher')) return true;
    if (!hasRole(identity, 'leader', 'worker')) return false;
    return this.assertStaffOf(identity, tenantId, gridId, 'this grid').then(
      () => true,
      () => false,
    );
  }
}
