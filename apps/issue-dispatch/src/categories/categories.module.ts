import { Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { CategoriesController } from './categories.controller';
import { CategoriesReader } from './categories.reader';
import { CategoryPolicy } from './category-policy.entity';
import { PutCategoryPolicyUseCase } from './use-cases/put-category-policy/put-category-policy.use-case';

/** Entities of the categories feature, for the service's DataSource. */
export const categoryEntities = [CategoryPolicy];

/**
 * A district's issue categories and their acknowledge and resolve windows, which every new case snapshots. Open311
 * lists them as its services, so the reader is exported to intake.
 */
@Module({
  imports: [GridReplicaModule],
  controllers: [CategoriesController],
  providers: [CategoriesReader, PutCategoryPolicyUseCase],
  exports: [CategoriesReader],
})
export class CategoriesModule {}
