import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { districtRouteErrors } from '@gridline/grid-replica';
import { ApiErrors, Permit, tenantRouteErrors } from '@gridline/platform';
import { TenantHelpCategoryParams, TenantParams } from '../http/path-params';
import { VolunteerErrors } from '../volunteers/volunteer-errors';
import { HelpCategoriesReader } from './help-categories.reader';
import { HelpCategoryView, PutHelpCategoryDto } from './help-category.dto';
import { PutHelpCategoryUseCase } from './use-cases/put-help-category/put-help-category.use-case';

@ApiTags('help-categories')
@Controller('v1/tenants/:tenantId/help-categories')
export class HelpCategoriesController {
  constructor(
    private readonly categories: HelpCategoriesReader,
    private readonly putCategory: PutHelpCategoryUseCase,
  ) {}

  @Put(':category')
  @Permit('district-admin')
  @ApiOperation({
    summary: 'Mark an issue category as needing volunteer help, with the skill (and level, certificate) a helper needs',
  })
  @ApiOkResponse({ type: HelpCategoryView })
  @ApiErrors(...districtRouteErrors, VolunteerErrors.UNKNOWN_SKILL)
  put(
    @Param() { tenantId, category }: TenantHelpCategoryParams,
    @Body() body: PutHelpCategoryDto,
  ): Promise<HelpCategoryView> {
    return this.putCategory.execute(tenantId, category, body);
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "List a district's categories that need volunteer help" })
  @ApiOkResponse({ type: HelpCategoryView, isArray: true })
  @ApiErrors(...tenantRouteErrors)
  list(@Param() { tenantId }: TenantParams): Promise<HelpCategoryView[]> {
    return this.categories.list(tenantId);
  }
}
