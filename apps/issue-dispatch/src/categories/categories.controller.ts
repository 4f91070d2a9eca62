import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { Permit } from '@gridline/platform';
import { TenantCategoryParams, TenantParams } from '../intake/path-params';
import { PutCategoryPolicyDto } from './category-policy.dto';
import { CategoryPolicy } from './category-policy.entity';

@ApiTags('categories')
@Controller('v1/tenants/:tenantId/categories')
export class CategoriesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  @Put(':code')
  @Permit('district-admin')
  @ApiOperation({
    summary: "Create or replace a district's issue category and its acknowledgement and resolve windows",
  })
  async put(
    @Param() { tenantId, code }: TenantCategoryParams,
    @Body() body: PutCategoryPolicyDto,
  ): Promise<CategoryPolicy> {
    await this.grids.requireTenant(tenantId);
    const named = (windows: object | undefined) =>
      Object.fromEntries(Object.entries(windows ?? {}).filter(([, v]) => v !== undefined));
    await this.dataSource.manager.upsert(
      CategoryPolicy,
      {
        tenantId,
        code,
        name: body.name,
        ackWithinSeconds: named(body.ackWithinSeconds),
        resolveWithinSeconds: named(body.resolveWithinSeconds),
      },
      ['tenantId', 'code'],
    );
    return this.dataSource.manager.findOneByOrFail(CategoryPolicy, { tenantId, code });
  }

  @Get()
  @Permit('district-staff', 'grid-staff', 'resident')
  @ApiOperation({ summary: "List a district's issue categories" })
  list(@Param() { tenantId }: TenantParams): Promise<CategoryPolicy[]> {
    return this.dataSource.manager.find(CategoryPolicy, { where: { tenantId }, order: { code: 'ASC' } });
  }
}
