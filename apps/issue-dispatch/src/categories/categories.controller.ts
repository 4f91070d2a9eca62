import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Permit, PlatformErrors } from '@gridline/platform';
import { districtRouteErrors } from '@gridline/grid-replica';
import { TenantCategoryParams, TenantParams } from '../intake/path-params';
import { CategoriesReader } from './categories.reader';
import { PutCategoryPolicyDto } from './category-policy.dto';
import { CategoryPolicy } from './category-policy.entity';
import { PutCategoryPolicyUseCase } from './use-cases/put-category-policy/put-category-policy.use-case';

@ApiTags('categories')
@Controller('v1/tenants/:tenantId/categories')
export class CategoriesController {
  constructor(
    private readonly reader: CategoriesReader,
    private readonly putCategory: PutCategoryPolicyUseCase,
  ) {}

  @Put(':code')
  @Permit('district-admin')
  @ApiErrors(...districtRouteErrors)
  @ApiOperation({
    summary: "Create or replace a district's issue category and its acknowledgement and resolve windows",
  })
  put(@Param() { tenantId, code }: TenantCategoryParams, @Body() body: PutCategoryPolicyDto): Promise<CategoryPolicy> {
    return this.putCategory.execute({ tenantId, code, policy: body });
  }

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiErrors(PlatformErrors.VALIDATION_FAILED, PlatformErrors.FORBIDDEN_ROLE, PlatformErrors.FORBIDDEN_DISTRICT)
  @ApiOperation({ summary: "List a district's issue categories" })
  list(@Param() { tenantId }: TenantParams): Promise<CategoryPolicy[]> {
    return this.reader.list(tenantId);
  }
}
