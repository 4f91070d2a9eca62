import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permit } from '@gridline/platform';
import { ApiErrorView } from '../http/api-error.view';
import { TenantParams } from '../http/path-params';
import { ResolutionView } from './use-cases/resolve-location/resolution-view';
import { ResolveLocationQuery } from './use-cases/resolve-location/resolve-location.query';
import { ResolveLocationUseCase } from './use-cases/resolve-location/resolve-location.use-case';

@ApiTags('places')
@Controller('v1/tenants/:tenantId/resolve')
export class ResolveController {
  constructor(private readonly resolveLocation: ResolveLocationUseCase) {}

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({
    summary: 'The grid responsible for a point (?lon=&lat=) or an address (?address=)',
    description:
      'A point goes to the deepest grid whose boundary contains it, a dedicated grid (专属网格) winning over plain grids at the ' +
      'same or any level; an address to the grid of the place registered under it (normalised), else to a grid listing it.',
  })
  @ApiOkResponse({ type: ResolutionView })
  @ApiBadRequestResponse({ type: ApiErrorView, description: 'VALIDATION_FAILED: neither or both forms, lon without lat, out of range' })
  @ApiNotFoundResponse({ type: ApiErrorView, description: 'LOCATION_NOT_IN_DISTRICT, TENANT_NOT_FOUND' })
  resolve(@Param() { tenantId }: TenantParams, @Query() query: ResolveLocationQuery): Promise<ResolutionView> {
    return this.resolveLocation.execute(tenantId, query);
  }
}
