import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors } from '@gridline/grid-replica';
import { ApiErrors, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { PutVolunteerSettingsUseCase } from './use-cases/put-volunteer-settings/put-volunteer-settings.use-case';
import { VolunteerSettingsDto, VolunteerSettingsView } from './volunteer-settings.dto';
import { VolunteerSettingsReader } from './volunteer-settings.reader';

@ApiTags('help-categories')
@Controller('v1/tenants/:tenantId/volunteer-settings')
export class VolunteerSettingsController {
  constructor(
    private readonly reader: VolunteerSettingsReader,
    private readonly putSettings: PutVolunteerSettingsUseCase,
  ) {}

  @Put()
  @Permit('district-admin')
  @ApiOperation({ summary: "Set the district's offer expiry (applies to offers made from now on)" })
  @ApiOkResponse({ type: VolunteerSettingsView })
  @ApiErrors(...districtRouteErrors)
  put(@Param() { tenantId }: TenantParams, @Body() body: VolunteerSettingsDto): Promise<VolunteerSettingsView> {
    return this.putSettings.execute(tenantId, body);
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The district's matching settings (defaults when never set)" })
  @ApiOkResponse({ type: VolunteerSettingsView })
  @ApiErrors(...tenantRouteErrors)
  get(@Param() { tenantId }: TenantParams): Promise<VolunteerSettingsView> {
    return this.reader.get(tenantId);
  }
}
