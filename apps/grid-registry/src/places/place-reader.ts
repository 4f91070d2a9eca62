import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, MoreThan } from 'typeorm';
import { NotFoundError } from '@gridline/platform';
import { Tenant } from '../tenants/tenant.entity';
import { BoundaryView, toBoundaryView } from './boundary-view';
import { GridBoundary } from './grid-boundary.entity';
import { ListPlacesQuery, MAX_PLACES_PER_PAGE } from './list-places.query';
import { Place } from './place.entity';
import { PlaceView, toPlaceView } from './place-view';

/** Read side of places and boundaries, always scoped to one district. */
@Injectable()
export class PlaceReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, query: ListPlacesQuery): Promise<PlaceView[]> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Tenant, { tenantId }))) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} does not exist`);
    const where: FindOptionsWhere<Place> = { tenantId };
    if (query.gridId !== undefined) where.gridId = query.gridId;
    if (query.after !== undefined) where.address = MoreThan(query.after);
    const places = await manager.find(Place, { where, order: { address: 'ASC' }, take: query.limit ?? MAX_PLACES_PER_PAGE });
    return places.map(toPlaceView);
  }

  async get(tenantId: string, placeId: string): Promise<PlaceView> {
    const place = await this.dataSource.manager.findOneBy(Place, { tenantId, id: placeId });
    if (!place) throw new NotFoundError('PLACE_NOT_FOUND', `place ${placeId} does not exist in district ${tenantId}`);
    return toPlaceView(place);
  }

  async boundary(tenantId: string, gridId: string): Promise<BoundaryView> {
    const row = await this.dataSource.manager.findOneBy(GridBoundary, { tenantId, gridId });
    if (!row) throw new NotFoundError('BOUNDARY_NOT_FOUND', `grid ${gridId} of district ${tenantId} has no boundary`);
    return toBoundaryView(row);
  }
}
