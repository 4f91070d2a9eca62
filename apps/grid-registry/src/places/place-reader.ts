import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, MoreThan } from 'typeorm';
import { GridErrors } from '../grids/grid-errors';
import { Grid } from '../grids/grid.entity';
import { BoundaryCollectionView } from './boundary-collection.view';
import { BoundaryView, toBoundaryView } from './boundary-view';
import { GridBoundary } from './grid-boundary.entity';
import { ListPlacesQuery, MAX_PLACES_PER_PAGE } from './list-places.query';
import { PlaceErrors } from './place-errors';
import { Place } from './place.entity';
import { PlaceView, toPlaceView } from './place-view';
import { requireDistrict } from '../tenants/require-district';

/** Read side of places and boundaries, always scoped to one district. */
@Injectable()
export class PlaceReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, query: ListPlacesQuery): Promise<PlaceView[]> {
    const manager = this.dataSource.manager;
    await requireDistrict(manager, tenantId);
    const where: FindOptionsWhere<Place> = { tenantId };
    if (query.gridId !== undefined) where.gridId = query.gridId;
    if (query.after !== undefined) where.address = MoreThan(query.after);
    const places = await manager.find(Place, {
      where,
      order: { address: 'ASC' },
      take: query.limit ?? MAX_PLACES_PER_PAGE,
    });
    return places.map(toPlaceView);
  }

  async get(tenantId: string, placeId: string): Promise<PlaceView> {
    const place = await this.dataSource.manager.findOneBy(Place, { tenantId, id: placeId });
    if (!place) throw PlaceErrors.PLACE_NOT_FOUND(tenantId, placeId);
    return toPlaceView(place);
  }

  async boundary(tenantId: string, gridId: string): Promise<BoundaryView> {
    const row = await this.dataSource.manager.findOneBy(GridBoundary, { tenantId, gridId });
    if (!row) throw PlaceErrors.BOUNDARY_NOT_FOUND(tenantId, gridId);
    return toBoundaryView(row);
  }

  /**
   * The boundaries of the district's active grids, or of `under` and the active grids below it, as one GeoJSON
   * FeatureCollection for a map. Grids without a boundary are left out. A grid's retired descendants are not
   * reached (a retired grid has no active children and no boundary).
   */
  async boundaries(tenantId: string, under: string | undefined): Promise<BoundaryCollectionView> {
    const manager = this.dataSource.manager;
    await requireDistrict(manager, tenantId);
    if (under !== undefined && !(await manager.existsBy(Grid, { tenantId, id: under }))) {
      throw GridErrors.GRID_NOT_FOUND(tenantId, under);
    }
    const scope =
      under === undefined
        ? `SELECT id FROM grids WHERE tenant_id = $1 AND status = 'active'`
        : `WITH RECURSIVE down AS (
             SELECT id, 0 AS depth FROM grids WHERE tenant_id = $1 AND id = $2
             UNION ALL
             SELECT g.id, down.depth + 1 FROM grids g JOIN down ON g.parent_id = down.id AND g.tenant_id = $1
             WHERE g.status = 'active' AND down.depth < 16
           ) SELECT id FROM down`;
    const rows: BoundaryRow[] = await manager.query(
      `SELECT g.id, g.name, g.level, g.dedicated, g.parent_id, b.geometry, b.min_lon, b.min_lat, b.max_lon, b.max_lat
         FROM (${scope}) scope
         JOIN grids g ON g.tenant_id = $1 AND g.id = scope.id
         JOIN grid_boundaries b ON b.tenant_id = $1 AND b.grid_id = g.id
        ORDER BY g.code, g.id`,
      under === undefined ? [tenantId] : [tenantId, under],
    );
    return {
      type: 'FeatureCollection',
      features: rows.map((row) => ({
        type: 'Feature',
        id: row.id,
        bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
        geometry: row.geometry,
        properties: { gridId: row.id, name: row.name, level: row.level, kind: row.dedicated, parentId: row.parent_id },
      })),
    };
  }
}

interface BoundaryRow {
  id: string;
  name: string;
  level: string;
  dedicated: string | null;
  parent_id: string | null;
  geometry: BoundaryCollectionView['features'][number]['geometry'];
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}
