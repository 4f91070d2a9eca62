import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors, GridTree } from '@gridline/grid-replica';
import { ApiErrors, cityRouteErrors, Permit } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { CityKpisView, ComputeKpisQuery, KpisView } from './use-cases/compute-kpis/compute-kpis.dto';
import { ComputeKpisUseCase } from './use-cases/compute-kpis/compute-kpis.use-case';
import { BreakDownKpisQuery, KpiBreakdownView } from './use-cases/break-down-kpis/break-down-kpis.dto';
import { BreakDownKpisUseCase } from './use-cases/break-down-kpis/break-down-kpis.use-case';

@ApiTags('kpis')
@Controller('v1')
export class KpisController {
  constructor(
    private readonly computeKpis: ComputeKpisUseCase,
    private readonly breakDownKpis: BreakDownKpisUseCase,
    private readonly grids: GridTree,
  ) {}

  @Get('tenants/:tenantId/kpis')
  @Permit('district-staff')
  @ApiOperation({
    summary:
      'Closure, on-time closure, rework and extension rates and the average rating of the cases reported in a period, for the district and per grid',
  })
  @ApiOkResponse({ type: KpisView })
  @ApiErrors(...districtRouteErrors)
  async kpis(@Param() { tenantId }: TenantParams, @Query() query: ComputeKpisQuery): Promise<KpisView> {
    await this.grids.requireTenant(tenantId);
    return this.computeKpis.district(tenantId, query);
  }

  @Get('tenants/:tenantId/kpis/breakdown')
  @Permit('district-staff')
  @ApiOperation({
    summary:
      "The period's KPIs per local day, category, street or community (the origin grid's), with the district's own numbers and escalation-depth histogram",
  })
  @ApiOkResponse({ type: KpiBreakdownView })
  @ApiErrors(...districtRouteErrors)
  async breakdown(@Param() { tenantId }: TenantParams, @Query() query: BreakDownKpisQuery): Promise<KpiBreakdownView> {
    await this.grids.requireTenant(tenantId);
    return this.breakDownKpis.execute(tenantId, query);
  }

  @Get('city/kpis')
  @Permit('city')
  @ApiOperation({ summary: 'The same rates for the whole city and per district (city roles)' })
  @ApiOkResponse({ type: CityKpisView })
  @ApiErrors(...cityRouteErrors)
  city(@Query() query: ComputeKpisQuery): Promise<CityKpisView> {
    return this.computeKpis.city(query);
  }
}
