import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, IsNull, MoreThan } from 'typeorm';
import { assertCanActOnGrid, Identity } from '@gridline/platform';
import { GridErrors } from './grid-errors';
import { Grid } from './grid.entity';
import { GridView, toGridView } from './grid-view';
import { ListGridsQuery, MAX_GRIDS_PER_PAGE } from './list-grids.query';
import { Member } from './member.entity';
import { requireDistrict } from '../tenants/require-district';

/** Read side of the grid tree: views with their leaders, always scoped to one tenant. */
@Injectable()
export class GridReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, query: ListGridsQuery): Promise<GridView[]> {
    const manager = this.dataSource.manager;
    await requireDistrict(manager, tenantId);
    const where: FindOptionsWhere<Grid> = { tenantId };
    if (query.parentId !== undefined) where.parentId = query.parentId;
    if (query.level !== undefined) where.level = query.level;
    if (!query.includeRetired) where.status = 'active';
    if (query.after !== undefined) where.code = MoreThan(query.after);
    const grids = await manager.find(Grid, { where, order: { code: 'ASC' }, take: query.limit ?? MAX_GRIDS_PER_PAGE });
    if (grids.length === 0) return [];
    const leaders = await manager.findBy(Member, {
      tenantId,
      role: 'leader',
      endedAt: IsNull(),
      gridId: In(grids.map((grid) => grid.id)),
    });
    const leaderOf = new Map(leaders.map((leader) => [leader.gridId, leader]));
    return grids.map((grid) => toGridView(grid, leaderOf.get(grid.id) ?? null));
  }

  /** The grid's id, then its ancestors' up to the street: what access checks compare a leader's grids with. */
  async lineage(tenantId: string, gridId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
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
   * Grid scope in grid-registry: may the caller act on this grid (`grid-and-below`: a leader of the grid or an
   * ancestor), or only from above it (`strictly-below`: appointing a leader, renaming, moving, retiring)?
   */
  async assertCanActOn(
    identity: Identity,
    tenantId: string,
    gridId: string,
    what: string,
    scope: 'grid-and-below' | 'strictly-below' = 'grid-and-below',
  ): Promise<void> {
    const lineage = await this.lineage(tenantId, gridId);
    assertCanActOnGrid(identity, scope === 'strictly-below' ? lineage.slice(1) : lineage, what);
  }

  async get(tenantId: string, gridId: string): Promise<GridView> {
    const manager = this.dataSource.manager;
    const grid = await manager.findOneBy(Grid, { tenantId, id: gridId });
    if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
    const leader = await manager.findOneBy(Member, { tenantId, gridId, role: 'leader', endedAt: IsNull() });
    return toGridView(grid, leader);
  }
}
