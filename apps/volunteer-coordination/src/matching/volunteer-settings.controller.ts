import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsInt, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { Permit } from '@gridline/platform';
import { TenantParams } from '../http/path-params';
import { DEFAULT_OFFER_EXPIRY_SECONDS, VolunteerSettings } from './volunteer-settings.entity';

export class VolunteerSettingsDto {
  @ApiProperty({
    example: 900,
    minimum: 2,
    maximum: 86_400,
    description: 'How long a volunteer has to answer an offer.',
  })
  @IsInt()
  @Min(2)
  @Max(86_400)
  offerExpirySeconds: number;
}

export class VolunteerSettingsView {
  @ApiProperty() tenantId: string;
  @ApiProperty({ description: `Default ${DEFAULT_OFFER_EXPIRY_SECONDS} (15 minutes).` }) offerExpirySeconds: number;
}

@ApiTags('help-categories')
@Controller('v1/tenants/:tenantId/volunteer-settings')
export class VolunteerSettingsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  @Put()
  @Permit('district-admin')
  @ApiOperation({ summary: "Set the district's offer expiry (applies to offers made from now on)" })
  @ApiOkResponse({ type: VolunteerSettingsView })
  async put(@Param() { tenantId }: TenantParams, @Body() body: VolunteerSettingsDto): Promise<VolunteerSettingsView> {
    await this.grids.requireTenant(tenantId);
    await this.dataSource.manager.upsert(VolunteerSettings, { tenantId, offerExpirySeconds: body.offerExpirySeconds }, [
      'tenantId',
    ]);
    return { tenantId, offerExpirySeconds: body.offerExpirySeconds };
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "The district's matching settings (defaults when never set)" })
  @ApiOkResponse({ type: VolunteerSettingsView })
  async get(@Param() { tenantId }: TenantParams): Promise<VolunteerSettingsView> {
    const settings = await this.dataSource.manager.findOneBy(VolunteerSettings, { tenantId });
    return { tenantId, offerExpirySeconds: settings?.offerExpirySeconds ?? DEFAULT_OFFER_EXPIRY_SECONDS };
  }
}
