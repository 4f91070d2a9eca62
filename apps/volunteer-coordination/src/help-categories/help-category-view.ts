import { HelpCategory } from './help-category.entity';
import { HelpCategoryView } from './help-category.dto';

export function toHelpCategoryView(entry: HelpCategory): HelpCategoryView {
  return {
    tenantId: entry.tenantId,
    category: entry.category,
    skill: entry.skill,
    minLevel: entry.minLevel,
    certificateRequired: entry.certificateRequired,
    updatedAt: entry.updatedAt.toISOString(),
  };
}
