import { DynamicModule, Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { HelpCategoriesController } from './help-categories.controller';
import { HelpCategoriesReader } from './help-categories.reader';
import { HelpCategory } from './help-category.entity';
import { HelpNeeds } from './help-needs';
import { HELP_POLICY_CACHE_MS } from './help-policy-config';
import { PutHelpCategoryUseCase } from './use-cases/put-help-category/put-help-category.use-case';

/** Entities of the help-categories feature, for the service's DataSource. */
export const helpCategoryEntities = [HelpCategory];

/**
 * Which issue categories a district asks volunteers to help with, and the skills each needs. The root builds this
 * module once and hands it to matching, which reads the entries through the copies a PUT here clears (HelpNeeds).
 */
@Module({})
export class HelpCategoriesModule {
  static with(helpPolicyCacheMs: number): DynamicModule {
    return {
      module: HelpCategoriesModule,
      imports: [GridReplicaModule],
      controllers: [HelpCategoriesController],
      providers: [
        { provide: HELP_POLICY_CACHE_MS, useValue: helpPolicyCacheMs },
        HelpNeeds,
        HelpCategoriesReader,
        PutHelpCategoryUseCase,
      ],
      exports: [HelpNeeds],
    };
  }
}
