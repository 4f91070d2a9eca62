import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import {
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  ApiErrorView,
  CorrelationId,
  CurrentIdentity,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { GridReader } from '../grids/grid-reader';
import { TenantGridParams } from '../http/path-params';
import { BoundaryView } from './boundary-view';
import { PlaceReader } from './place-reader';
import { RemoveGridBoundaryUseCase } from './use-cases/remove-grid-boundary/remove-grid-boundary.use-case';
import { SetGridBoundaryDto } from './use-cases/set-grid-boundary/set-grid-boundary.dto';
import { SetGridBoundaryUseCase } from './use-cases/set-grid-boundary/set-grid-boundary.use-case';
import { GridErrors } from '../grids/grid-errors';
import { PlaceErrors } from './place-errors';

@ApiTags('places')
@Controller('v1/tenants/:tenantId/grids/:gridId/boundary')
export class BoundariesController {
  constructor(
    private readonly grids: GridReader,
    private readonly places: PlaceReader,
    private readonly setBoundary: SetGridBoundaryUseCase,
    private readonly removeBoundary: RemoveGridBoundaryUseCase,
  ) {}

  @Put()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: "Draw or redraw the grid's boundary (district staff; a leader or worker of a grid above it)",
    description:
      'The body is a GeoJSON Polygon or MultiPolygon (WGS84 lon/lat): closed rings, outer rings counter-clockwise and holes ' +
      'clockwise (RFC 7946), no self-intersection, holes inside their outer ring, at most 10,000 positions. The grid version ' +
      'goes up and GridBoundaryChanged is announced; the same boundary again changes nothing.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiOkResponse({ type: BoundaryView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    GridErrors.GRID_NOT_FOUND,
    PlaceErrors.INVALID_POLYGON,
    PlaceErrors.POLYGON_TOO_COMPLEX,
  )
  @ApiPayloadTooLargeResponse({ type: ApiErrorView, description: 'PAYLOAD_TOO_LARGE: body over 256 kB' })
  async put(
    @Param() { tenantId, gridId }: TenantGridParams,
    @Body() body: SetGridBoundaryDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<BoundaryView> {
    // Like appointing its leader: a grid's own leader may not redraw it; the scope starts at the parent.
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    const boundary = { type: body.type, coordinates: body.coordinates };
    return this.setBoundary.execute({ tenantId, gridId, boundary, correlationId });
  }

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: "The grid's boundary" })
  @ApiOkResponse({ type: BoundaryView })
  @ApiErrors(...tenantRouteErrors, PlaceErrors.BOUNDARY_NOT_FOUND)
  get(@Param() { tenantId, gridId }: TenantGridParams): Promise<BoundaryView> {
    return this.places.boundary(tenantId, gridId);
  }

  @Delete()
  @HttpCode(204)
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "Remove the grid's boundary; it then resolves only by address. Removing none is a no-op." })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiNoContentResponse({ description: 'Removed, or there was none.' })
  @ApiErrors(...tenantRouteErrors, PlatformErrors.OUTSIDE_YOUR_GRID, GridErrors.GRID_NOT_FOUND)
  async remove(
    @Param() { tenantId, gridId }: TenantGridParams,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<void> {
    await this.grids.assertCanActOn(identity, tenantId, gridId, 'this grid', 'strictly-below');
    await this.removeBoundary.execute({ tenantId, gridId, correlationId });
  }
}
