import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { ResolveBatchDto } from './use-cases/resolve-batch/resolve-batch.dto';
import { ResolveBatchUseCase } from './use-cases/resolve-batch/resolve-batch.use-case';
import { ResolveBatchView } from './use-cases/resolve-batch/resolve-batch.view';
import { ResolutionView } from './use-cases/resolve-location/resolution-view';
import { ResolveLocationQuery } from './use-cases/resolve-location/resolve-location.query';
import { ResolveLocationUseCase } from './use-cases/resolve-location/resolve-location.use-case';
import { TenantErrors } from '../tenants/tenant-errors';
import { PlaceErrors } from './place-errors';

@ApiTags('places')
@Controller('v1/tenants/:tenantId/resolve')
export class ResolveController {
  constructor(
    private readonly resolveLocation: ResolveLocationUseCase,
    private readonly resolveBatch: ResolveBatchUseCase,
  ) {}

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: 'The grid responsible for a point (?lon=&lat=) or an address (?address=)',
    description:
      'A point goes to the deepest grid whose boundary contains it, a dedicated grid (专属网格) winning over plain grids at the ' +
      'same or any level; an address to the grid of the place registered under it (normalised), else to a grid listing it.',
  })
  @ApiOkResponse({ type: ResolutionView })
  @ApiErrors(...tenantRouteErrors, PlaceErrors.LOCATION_NOT_IN_DISTRICT, TenantErrors.TENANT_NOT_FOUND)
  resolve(@Param() { tenantId }: TenantParams, @Query() query: ResolveLocationQuery): Promise<ResolutionView> {
    return this.resolveLocation.execute(tenantId, query);
  }

  @Post('batch')
  @HttpCode(200)
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({
    summary: 'Resolve up to 1,000 points and addresses in one request, answers in the order asked',
    description:
      'The same rules and answers as GET /resolve, item by item. A location in no grid is an answer with `miss` ' +
      '(LOCATION_NOT_IN_DISTRICT), not an error; a malformed item refuses the whole batch with 400 naming `locations[i]`.',
  })
  @ApiOkResponse({ type: ResolveBatchView })
  @ApiErrors(...tenantRouteErrors, TenantErrors.TENANT_NOT_FOUND)
  batch(@Param() { tenantId }: TenantParams, @Body() body: ResolveBatchDto): Promise<ResolveBatchView> {
    return this.resolveBatch.execute(tenantId, body);
  }
}
