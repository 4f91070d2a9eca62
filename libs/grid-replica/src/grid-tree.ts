import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GridReplica, TenantReplica } from './grid-replica.entities';

/** Read-side queries over a service's grid replica; every query is scoped to one tenant. */
@Injectable()
export class GridTree {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  tenant(tenantId: string, manager?: EntityManager): Promise<TenantReplica | null> {
    return this.db(manager).findOneBy(TenantReplica, { tenantId });
  }

  grid(tenantId: string, gridId: string, manager?: EntityManager): Promise<GridReplica | null> {
    return this.db(manager).findOneBy(GridReplica, { tenantId, gridId });
  }

  /** The grid itself first, then its parent, up to the street. */
  async lineage(tenantId: string, gridId: string, manager?: EntityManager): Promise<GridReplica[]> {
    const rows: Array<Record<string, unknown>> = await this.db(manager).query(
      `WITH RECURSIVE up AS (
         SELECT g.*, 0 AS depth FROM grid_replica g WHERE g.tenant_id = $1 AND g.grid_id = $2
         UNION ALL
         SELECT p.*, up.depth + 1 FROM grid_replica p JOIN up ON p.grid_id = up.parent_id AND p.tenant_id = up.tenant_id
         WHERE up.depth < 16
       ) SELECT grid_id, tenant_id, parent_id, level, code, name, dedicated, addresses, version FROM up ORDER BY depth`,
      [tenantId, gridId],
    );
    return rows.map((row) => this.db(manager).create(GridReplica, {
      gridId: row.grid_id as string,
      tenantId: row.tenant_id as string,
      parentId: row.parent_id as string | null,
      level: row.level as GridReplica['level'],
      code: row.code as string,
      name: row.name as string,
      dedicated: row.dedicated as string | null,
      addresses: row.addresses as string[],
      version: row.version as number,
    }));
  }

  /**
   * The grid responsible for a registered address: the deepest one listing it, a dedicated grid winning a tie.
   */
  async byAddress(tenantId: string, address: string, manager?: EntityManager): Promise<GridReplica | null> {
    const depthOrder = `CASE level WHEN 'micro' THEN 0 WHEN 'grid' THEN 1 WHEN 'community' THEN 2 ELSE 3 END`;
    return this.db(manager)
      .createQueryBuilder(GridReplica, 'g')
      .where('g.tenantId = :tenantId', { tenantId })
      .andWhere(':address = ANY(g.addresses)', { address })
      .orderBy(depthOrder, 'ASC')
      .addOrderBy('g.dedicated IS NULL', 'ASC')
      .getOne();
  }
}
