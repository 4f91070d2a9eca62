import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { isKnownSkill } from '../../../volunteers/domain/skill-catalogue';
import { VolunteerErrors } from '../../../volunteers/volunteer-errors';
import { HelpCategory } from '../../help-category.entity';
import { HelpNeeds } from '../../help-needs';
import { HelpCategoryView } from '../../help-category.dto';
import { toHelpCategoryView } from '../../help-category-view';
import { HelpCategoryPolicy } from './put-help-category.command';

/**
 * Marks an issue category of a district as needing volunteer help, or changes what a helper needs; putting the
 * same body twice leaves one row. A skill outside the catalogue is refused (422 UNKNOWN_SKILL), since no
 * volunteer could ever match it.
 */
@Injectable()
export class PutHelpCategoryUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
    private readonly helpNeeds: HelpNeeds,
  ) {}

  async execute(tenantId: string, category: string, body: HelpCategoryPolicy): Promise<HelpCategoryView> {
    await this.grids.requireTenant(tenantId);
    if (!isKnownSkill(body.skill)) throw VolunteerErrors.UNKNOWN_SKILL({ skill: body.skill });
    await this.dataSource.manager.upsert(
      HelpCategory,
      {
        tenantId,
        category,
        skill: body.skill,
        minLevel: body.minLevel ?? 1,
        certificateRequired: body.certificateRequired ?? false,
      },
      ['tenantId', 'category'],
    );
    this.helpNeeds.forget(tenantId, category);
    // Read back for the updated_at the database set.
    return toHelpCategoryView(await this.dataSource.manager.findOneByOrFail(HelpCategory, { tenantId, category }));
  }
}
