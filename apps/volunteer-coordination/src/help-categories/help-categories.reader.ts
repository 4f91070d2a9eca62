import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HelpCategory } from './help-category.entity';
import { HelpCategoryView } from './help-category.dto';
import { toHelpCategoryView } from './help-category-view';

/**
 * The issue categories a district has marked as needing volunteer help, for staff to review. Separate from
 * PutHelpCategoryUseCase, which marks one: that write checks the district and the skill, a list needs neither.
 */
@Injectable()
export class HelpCategoriesReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string): Promise<HelpCategoryView[]> {
    const entries = await this.dataSource.manager.find(HelpCategory, {
      where: { tenantId },
      order: { category: 'ASC' },
    });
    return entries.map(toHelpCategoryView);
  }
}
