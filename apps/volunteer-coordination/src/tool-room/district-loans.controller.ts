import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors } from '@gridline/grid-replica';
import { ApiErrors, Permit, TenantParams } from '@gridline/platform';
import { DistrictLoansQuery } from './district-loans.query';
import { DistrictLoansReader } from './district-loans.reader';
import { DistrictLoanPage } from './district-loans.view';

@ApiTags('tool-room')
@Controller('v1/tenants/:tenantId/tool-loans')
export class DistrictLoansController {
  constructor(private readonly reader: DistrictLoansReader) {}

  @Get()
  @Permit('district-staff')
  @ApiOperation({
    summary:
      "Loans not yet returned across all of the district's tool rooms (`overdue=true`: only those past due), earliest due first",
    description:
      'Each item names the tool, its tool room (community grid id), the borrower by display name only, the due time and how long it is overdue.',
  })
  @ApiOkResponse({ type: DistrictLoanPage })
  @ApiErrors(...districtRouteErrors)
  list(@Param() { tenantId }: TenantParams, @Query() query: DistrictLoansQuery): Promise<DistrictLoanPage> {
    return this.reader.page(tenantId, query);
  }
}
