import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  compareResponsibility,
  geometryArea,
  geometryContains,
  normaliseAddress,
  type BoundaryGeometry,
  type ResponsibilityCandidate,
} from '@gridline/location';
import { GroupCommit, SERVICE_CONFIG, ServiceConfig } from '@gridline/platform';
import { ReplicaErrors } from './replica-errors';
import { GridReplica, TenantReplica } from './grid-replica.entities';
import { GridLink, subtreeIds } from './grid-subtree';

const gridColumns = 'g.grid_id, g.tenant_id, g.parent_id, g.level, g.code, g.name, g.dedicated, g.addresses, g.version';

/** Read-side queries over a service's grid replica; every query is scoped to one tenant. */
@Injectable()
export class GridTree {
  /**
   * Routing by address runs for every such report: the lookups of one district that arrive while its previous
   * lookup runs wait and go together in the next (the batching of group commit; a lone lookup goes at once).
   */
  private readonly addressLookups = new GroupCommit<string, GridReplica | null>(async (tenantId, addresses) =>
    (await this.byAddresses(tenantId, addresses)).map((ok) => ({ ok })),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  tenant(tenantId: string, manager?: EntityManager): Promise<TenantReplica | null> {
    return this.db(manager).findOneBy(TenantReplica, { tenantId });
  }

  /** The district as the replica knows it, or 404 TENANT_NOT_FOUND naming this service (its replica may lag). */
  async requireTenant(tenantId: string, manager?: EntityManager): Promise<TenantReplica> {
    const tenant = await this.tenant(tenantId, manager);
    if (!tenant) throw ReplicaErrors.TENANT_NOT_FOUND(tenantId, this.config.serviceName);
    return tenant;
  }

  grid(tenantId: string, gridId: string, manager?: EntityManager): Promise<GridReplica | null> {
    return this.db(manager).findOneBy(GridReplica, { tenantId, gridId });
  }

  /**
   * The grid and every grid below it in its district, the grid first (see `subtreeIds`). Reads the district's parent
   * links (one short row per grid, a few thousand in a large district) and walks them here.
   */
  async subtree(tenantId: string, gridId: string, manager?: EntityManager): Promise<string[]> {
    const links: Array<{ gridId: string; parentId: string | null }> = await this.db(manager).query(
      `SELECT grid_id AS "gridId", parent_id AS "parentId" FROM grid_replica WHERE tenant_id = $1`,
      [tenantId],
    );
    return subtreeIds(gridId, links satisfies GridLink[]);
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
    return rows.map((row) =>
      this.db(manager).create(GridReplica, {
        gridId: row.grid_id as string,
        tenantId: row.tenant_id as string,
        parentId: row.parent_id as string | null,
        level: row.level as GridReplica['level'],
        code: row.code as string,
        name: row.name as string,
        dedicated: row.dedicated as string | null,
        addresses: row.addresses as string[],
        version: row.version as number,
      }),
    );
  }

  /**
   * The grid responsible for a registered address (needs the place replica, see createPlaceReplicaTables): the
   * grid of the place registered under its normalised form; failing that, a grid listing the address itself
   * (as given or normalised), a dedicated grid first, then the deepest.
   */
  async byAddress(tenantId: string, address: string, manager?: EntityManager): Promise<GridReplica | null> {
    if (manager) return (await this.byAddresses(tenantId, [address], manager))[0];
    return this.addressLookups.submit(tenantId, address);
  }

  /**
   * `byAddress` for several addresses in one statement, answers in their order. Per address, the place's grid and
   * the best grid listing it are each read with their index and the place wins; both branches run, but in one
   * round trip, which is what a report pays for (ADR 0043).
   */
  private async byAddresses(
    tenantId: string,
    addresses: readonly string[],
    manager?: EntityManager,
  ): Promise<Array<GridReplica | null>> {
    const normalised = addresses.map(normaliseAddress);
    const rows: Array<Record<string, unknown> & { ord: string }> = await this.db(manager).query(
      `SELECT a.ord, r.* FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS a(normalised, trimmed, ord)
        CROSS JOIN LATERAL (
          SELECT * FROM (
            (SELECT ${gridColumns}, 0 AS preference
               FROM place_replica p JOIN grid_replica g ON g.grid_id = p.grid_id AND g.tenant_id = p.tenant_id
              WHERE p.tenant_id = $1 AND p.address = a.normalised ORDER BY p.version DESC LIMIT 1)
            UNION ALL
            (SELECT ${gridColumns}, 1 AS preference FROM grid_replica g
              WHERE g.tenant_id = $1 AND g.addresses && ARRAY[a.trimmed, a.normalised]
              ORDER BY g.dedicated IS NULL, CASE g.level WHEN 'micro' THEN 0 WHEN 'grid' THEN 1 WHEN 'community' THEN 2 ELSE 3 END, g.code
              LIMIT 1)
          ) candidates ORDER BY preference LIMIT 1
        ) r`,
      [tenantId, normalised, addresses.map((address) => address.trim())],
    );
    const found = new Map(rows.map((row) => [Number(row.ord) - 1, this.toGridReplica(row, manager)]));
    return addresses.map((_, index) => found.get(index) ?? null);
  }

  /**
   * The grid responsible for a point (WGS84 lon/lat): of the grids whose boundary contains it (edges included),
   * a dedicated grid first, then the deepest, then the smaller, then the lower code — the same rule as
   * grid-registry's resolve (@gridline/location). Bounding boxes are searched in SQL, polygons tested here.
   * Needs the place replica (createPlaceReplicaTables).
   */
  async byPoint(tenantId: string, lon: number, lat: number, manager?: EntityManager): Promise<GridReplica | null> {
    const rows: Array<Record<string, unknown> & { boundary: BoundaryGeometry }> = await this.db(manager).query(
      `SELECT ${gridColumns}, b.boundary
         FROM grid_boundary_replica b JOIN grid_replica g ON g.grid_id = b.grid_id AND g.tenant_id = b.tenant_id
        WHERE b.tenant_id = $1 AND b.boundary IS NOT NULL
          AND box(point(b.min_lon, b.min_lat), point(b.max_lon, b.max_lat)) && box(point($2::float8, $3::float8), point($2::float8, $3::float8))`,
      [tenantId, lon, lat],
    );
    const candidates = rows.map((row) => ({
      row,
      candidate: {
        gridId: row.grid_id as string,
        level: row.level as GridReplica['level'],
        dedicated: row.dedicated !== null,
        area: geometryArea(row.boundary),
        code: row.code as string,
      } satisfies ResponsibilityCandidate,
    }));
    candidates.sort((a, b) => compareResponsibility(a.candidate, b.candidate));
    const best = candidates.find(({ row }) => geometryContains(row.boundary, lon, lat));
    return best ? this.toGridReplica(best.row, manager) : null;
  }

  private toGridReplica(row: Record<string, unknown>, manager?: EntityManager): GridReplica {
    return this.db(manager).create(GridReplica, {
      gridId: row.grid_id as string,
      tenantId: row.tenant_id as string,
      parentId: row.parent_id as string | null,
      level: row.level as GridReplica['level'],
      code: row.code as string,
      name: row.name as string,
      dedicated: row.dedicated as string | null,
      addresses: row.addresses as string[],
      version: row.version as number,
    });
  }
}
