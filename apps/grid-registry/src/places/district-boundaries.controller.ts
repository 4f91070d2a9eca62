import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { BoundaryCollectionView } from './boundary-collection.view';
import { DistrictBoundariesQuery } from './boundaries.query';
import { PlaceReader } from './place-reader';
import { TenantErrors } from '../tenants/tenant-errors';
import { GridErrors } from '../grids/grid-errors';

@ApiTags('places')
@Controller('v1/tenants/:tenantId/boundaries')
export class DistrictBoundariesController {
  constructor(private readonly places: PlaceReader) {}

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: "The district's grid boundaries (or one grid's subtree's) as a GeoJSON FeatureCollection, for a map",
    description:
      'One Feature per active grid that has a boundary: its geometry, and properties gridId, name, level, kind (dedicated kind or null) and parentId — ' +
      "no members or other personal data. Readable by whoever may read one grid's boundary (GET …/grids/{gridId}/boundary).",
  })
  @ApiOkResponse({ type: BoundaryCollectionView })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND, GridErrors.GRID_NOT_FOUND)
  list(@Param() { tenantId }: TenantParams, @Query() query: DistrictBoundariesQuery): Promise<BoundaryCollectionView> {
    return this.places.boundaries(tenantId, query.under);
  }
}
