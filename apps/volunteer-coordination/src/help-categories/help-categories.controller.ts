import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { Permit, UnprocessableError } from '@gridline/platform';
import { isKnownSkill } from '../volunteers/domain/skill-catalogue';
import { TenantHelpCategoryParams, TenantParams } from '../http/path-params';
import { HelpCategory } from './help-category.entity';
import { HelpCategoryView, PutHelpCategoryDto } from './help-category.dto';

function toView(entry: HelpCategory): HelpCategoryView {
  return {
    tenantId: entry.tenantId,
    category: entry.category,
    skill: entry.skill,
    minLevel: entry.minLevel,
    certificateRequired: entry.certificateRequired,
    updatedAt: entry.updatedAt.toISOString(),
  };
}

@ApiTags('help-categories')
@Controller('v1/tenants/:tenantId/help-categories')
export class HelpCategoriesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  @Put(':category')
  @Permit('district-admin')
  @ApiOperation({ summary: 'Mark an issue category as needing volunteer help, with the skill (and level, certificate) a helper needs' })
  @ApiOkResponse({ type: HelpCategoryView })
  async put(@Param() { tenantId, category }: TenantHelpCategoryParams, @Body() body: PutHelpCategoryDto): Promise<HelpCategoryView> {
    await this.grids.requireTenant(tenantId);
    if (!isKnownSkill(body.skill)) throw new UnprocessableError('UNKNOWN_SKILL', `skill ${body.skill} is not in the skill catalogue`, [{ field: 'skill', reason: 'unknown skill' }]);
    await this.dataSource.manager.upsert(
      HelpCategory,
      { tenantId, category, skill: body.skill, minLevel: body.minLevel ?? 1, certificateRequired: body.certificateRequired ?? false },
      ['tenantId', 'category'],
    );
    return toView(await this.dataSource.manager.findOneByOrFail(HelpCategory, { tenantId, category }));
  }

  @Get()
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "List a district's categories that need volunteer help" })
  @ApiOkResponse({ type: HelpCategoryView, isArray: true })
  async list(@Param() { tenantId }: TenantParams): Promise<HelpCategoryView[]> {
    const entries = await this.dataSource.manager.find(HelpCategory, { where: { tenantId }, order: { category: 'ASC' } });
    return entries.map(toView);
  }
}
