import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors, GridTree } from '@gridline/grid-replica';
import { ApiErrors, Permit, PlatformErrors } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { SummaryQueries } from './summary.queries';
import { CitySummaryView, TenantSummaryView } from './summary.views';

@ApiTags('summary')
@Controller('v1')
export class SummaryController {
  constructor(
    private readonly queries: SummaryQueries,
    private readonly grids: GridTree,
  ) {}

  @Get('tenants/:tenantId/summary')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "A district's issues, escalations, volunteers, offers and grids in numbers" })
  @ApiOkResponse({ type: TenantSummaryView })
  @ApiErrors(...districtRouteErrors)
  async tenant(@Param() { tenantId }: TenantParams): Promise<TenantSummaryView> {
    await this.grids.requireTenant(tenantId);
    const { tenants: _tenants, ...numbers } = await this.queries.numbers(tenantId);
    return { tenantId, ...numbers };
  }

  @Get('city/summary')
  @Permit('city')
  @ApiOperation({ summary: 'The same numbers for the whole city, all districts together (counts only)' })
  @ApiOkResponse({ type: CitySummaryView })
  @ApiErrors(PlatformErrors.FORBIDDEN_ROLE)
  city(): Promise<CitySummaryView> {
    return this.queries.numbers(null);
  }
}
