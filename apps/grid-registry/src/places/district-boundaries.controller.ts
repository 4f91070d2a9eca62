import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permit } from '@gridline/platform';
import { ApiErrorView } from '../http/api-error.view';
import { TenantParams } from '../http/path-params';
import { BoundaryCollectionView } from './boundary-collection.view';
import { DistrictBoundariesQuery } from './boundaries.query';
import { PlaceReader } from './place-reader';

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
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED (under)' })
  @ApiForbiddenResponse({ type: ApiErrorView, description: 'FORBIDDEN_ROLE, FORBIDDEN_DISTRICT' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'TENANT_NOT_FOUND, GRID_NOT_FOUND (under)' })
  list(@Param() { tenantId }: TenantParams, @Query() query: DistrictBoundariesQuery): Promise<BoundaryCollectionView> {
    return this.places.boundaries(tenantId, query.under);
  }
}
