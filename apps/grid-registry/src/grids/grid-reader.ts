import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, MoreThan } from 'typeorm';
import { NotFoundError } from '@gridline/platform';
import { Tenant } from '../tenants/tenant.entity';
import { Grid } from './grid.entity';
import { GridView, toGridView } from './grid-view';
import { ListGridsQuery, MAX_GRIDS_PER_PAGE } from './list-grids.query';
import { Member } from './member.entity';

/** Read side of the grid tree: views with their leaders, always scoped to one tenant. */
@Injectable()
export class GridReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, query: ListGridsQuery): Promise<GridView[]> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Tenant, { tenantId }))) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} does not exist`);
    const where: FindOptionsWhere<Grid> = { tenantId };
    if (query.parentId !== undefined) where.parentId = query.parentId;
    if (query.level !== undefined) where.level = query.level;
    if (query.after !== undefined) where.code = MoreThan(query.after);
    const grids = await manager.find(Grid, { where, order: { code: 'ASC' }, take: query.limit ?? MAX_GRIDS_PER_PAGE });
    if (grids.length === 0) return [];
    const leaders = await manager.findBy(Member, { tenantId, role: 'leader', gridId: In(grids.map((grid) => grid.id)) });
    const leaderOf = new Map(leaders.map((leader) => [leader.gridId, leader]));
    return grids.map((grid) => toGridView(grid, leaderOf.get(grid.id) ?? null));
  }

  async get(tenantId: string, gridId: string): Promise<GridView> {
    const manager = this.dataSource.manager;
    const grid = await manager.findOneBy(Grid, { tenantId, id: gridId });
    if (!grid) throw new NotFoundError('GRID_NOT_FOUND', `grid ${gridId} does not exist in district ${tenantId}`);
    const leader = await manager.findOneBy(Member, { tenantId, gridId, role: 'leader' });
    return toGridView(grid, leader);
  }
}
