import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  CorrelationId,
  CurrentIdentity,
  Identity,
  Permit,
  PlatformErrors,
  tenantRouteErrors,
} from '@gridline/platform';
import { GridReader } from '../grids/grid-reader';
import { TenantParams } from '../http/path-params';
import { ListPlacesQuery } from './list-places.query';
import { TenantPlaceParams } from './place-params';
import { PlaceReader } from './place-reader';
import { PlaceView } from './place-view';
import { RegisterPlaceDto } from './use-cases/register-place/register-place.dto';
import { RegisterPlaceUseCase } from './use-cases/register-place/register-place.use-case';
import { TenantErrors } from '../tenants/tenant-errors';
import { GridErrors } from '../grids/grid-errors';
import { PlaceErrors } from './place-errors';

@ApiTags('places')
@Controller('v1/tenants/:tenantId/places')
export class PlacesController {
  constructor(
    private readonly grids: GridReader,
    private readonly reader: PlaceReader,
    private readonly registerPlace: RegisterPlaceUseCase,
  ) {}

  @Post()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary:
      'Register a courtyard, building, stairwell or point of interest (district staff; a leader or worker of its grid or above)',
    description: 'The address is stored normalised and is unique in the district. Announced on the place-state topic.',
  })
  @ApiHeader({ name: 'X-Correlation-Id', required: false })
  @ApiCreatedResponse({ type: PlaceView })
  @ApiErrors(
    ...tenantRouteErrors,
    PlatformErrors.OUTSIDE_YOUR_GRID,
    TenantErrors.TENANT_NOT_FOUND,
    GridErrors.UNKNOWN_GRID,
    PlaceErrors.UNKNOWN_PARENT_PLACE,
    PlaceErrors.WRONG_PLACE_KIND_UNDER_PARENT,
    PlaceErrors.POINT_OUTSIDE_GRID,
    PlaceErrors.ADDRESS_TAKEN,
  )
  async create(
    @Param() { tenantId }: TenantParams,
    @Body() body: RegisterPlaceDto,
    @CorrelationId() correlationId: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<PlaceView> {
    await this.grids.assertCanActOn(identity, tenantId, body.gridId, 'the grid');
    return this.registerPlace.execute({ tenantId, place: body, correlationId });
  }

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: "The district's places (or one grid's), ordered by address (keyset paging with `after`)" })
  @ApiOkResponse({ type: [PlaceView] })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND)
  list(@Param() { tenantId }: TenantParams, @Query() query: ListPlacesQuery): Promise<PlaceView[]> {
    return this.reader.list(tenantId, query);
  }

  @Get(':placeId')
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: 'One place' })
  @ApiOkResponse({ type: PlaceView })
  @ApiErrors(...tenantRouteErrors, PlaceErrors.PLACE_NOT_FOUND)
  get(@Param() { tenantId, placeId }: TenantPlaceParams): Promise<PlaceView> {
    return this.reader.get(tenantId, placeId);
  }
}
