import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { versionAsOf } from './domain/effective-dating';
import { GridErrors } from './grid-errors';
import { GridVersion } from './grid-version.entity';
import { GridVersionView, toGridVersionView } from './grid-version-view';
import { ListGridsQuery, MAX_GRIDS_PER_PAGE } from './list-grids.query';
import { requireDistrict } from '../tenants/require-district';

/**
 * The tree as it was at an instant, from grid_versions: the row of each grid whose period [valid_from, valid_to)
 * contains the instant (the same rule as versionAsOf, in SQL for lists). Always scoped to one tenant.
 */
@Injectable()
export class GridHistoryReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, asOf: Date, query: ListGridsQuery): Promise<GridVersionView[]> {
    const manager = this.dataSource.manager;
    await requireDistrict(manager, tenantId);
    const builder = manager
      .createQueryBuilder(GridVersion, 'v')
      .where('v.tenantId = :tenantId', { tenantId })
      .andWhere('v.validFrom <= :asOf AND (v.validTo IS NULL OR v.validTo > :asOf)', { asOf });
    if (!query.includeRetired) builder.andWhere(`v.status = 'active'`);
    if (query.parentId !== undefined) builder.andWhere('v.parentId = :parentId', { parentId: query.parentId });
    if (query.level !== undefined) builder.andWhere('v.level = :level', { level: query.level });
    if (query.after !== undefined) builder.andWhere('v.code > :after', { after: query.after });
    const rows = await builder
      .orderBy('v.code', 'ASC')
      .take(query.limit ?? MAX_GRIDS_PER_PAGE)
      .getMany();
    return rows.map(toGridVersionView);
  }

  async get(tenantId: string, gridId: string, asOf: Date): Promise<GridVersionView> {
    const versions = await this.dataSource.manager.findBy(GridVersion, { tenantId, gridId });
    const version = versionAsOf(versions, asOf);
    if (!version) {
      throw GridErrors.GRID_NOT_FOUND(tenantId, gridId, asOf);
    }
    return toGridVersionView(version);
  }
}
