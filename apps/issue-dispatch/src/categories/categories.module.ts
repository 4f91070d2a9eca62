import { DynamicModule, Module } from '@nestjs/common';
import { GridReplicaModule } from '@gridline/grid-replica';
import { CategoriesController } from './categories.controller';
import { CategoriesReader } from './categories.reader';
import { CATEGORY_POLICY_CACHE_MS, CategoryPolicies } from './category-policies';
import { CategoryPolicy } from './category-policy.entity';
import { PutCategoryPolicyUseCase } from './use-cases/put-category-policy/put-category-policy.use-case';

/** Entities of the categories feature, for the service's DataSource. */
export const categoryEntities = [CategoryPolicy];

/**
 * A district's issue categories and their acknowledge and resolve windows, which every new case snapshots. Open311
 * lists them as its services, so the reader is exported to intake, with the policies new reports read
 * (CategoryPolicies). The root builds this module once and hands it to intake: a PUT must clear the very cache
 * intake reads.
 */
@Module({})
export class CategoriesModule {
  static with(policyCacheMs: number): DynamicModule {
    return {
      module: CategoriesModule,
      imports: [GridReplicaModule],
      controllers: [CategoriesController],
      providers: [
        { provide: CATEGORY_POLICY_CACHE_MS, useValue: policyCacheMs },
        CategoryPolicies,
        CategoriesReader,
        PutCategoryPolicyUseCase,
      ],
      exports: [CategoriesReader, CategoryPolicies],
    };
  }
}
