import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { HelpCategoriesController } from './help-categories.controller';
import { HelpCategoriesReader } from './help-categories.reader';
import { HelpCategory } from './help-category.entity';
import { PutHelpCategoryUseCase } from './use-cases/put-help-category/put-help-category.use-case';

/** Entities of the help-categories feature, for the service's DataSource. */
export const helpCategoryEntities = [HelpCategory];

/** Which issue categories a district asks volunteers to help with, and the skills each needs. */
@Module({
  imports: [GridReplicaModule],
  controllers: [HelpCategoriesController],
  providers: [HelpCategoriesReader, PutHelpCategoryUseCase],
})
export class HelpCategoriesModule {}
