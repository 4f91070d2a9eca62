import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CopiesKeptBriefly } from '@gridline/platform';
import { CategoryPolicy } from './category-policy.entity';

/** How long a found policy is kept, in milliseconds (CATEGORY_POLICY_CACHE_SECONDS; 0 keeps nothing). */
export const CATEGORY_POLICY_CACHE_MS = Symbol('CATEGORY_POLICY_CACHE_MS');

/**
 * A district's category policies as new reports read them. Every report needs its category's windows and they change
 * only when an administrator PUTs the category, so a found policy is kept for a few seconds instead of read again for
 * each report (ADR 0042). A PUT through this process drops its entry once committed, so this process's next report
 * already uses the new windows; another replica uses them once its copy expires. An unknown category is never kept:
 * a category created anywhere can be reported at once. Callers must not change the policy they get.
 */
@Injectable()
export class CategoryPolicies {
  private readonly copies: CopiesKeptBriefly<CategoryPolicy>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CATEGORY_POLICY_CACHE_MS) keepMs: number,
  ) {
    this.copies = new CopiesKeptBriefly({ keepMs, keepMissing: false });
  }

  find(tenantId: string, code: string): Promise<CategoryPolicy | null> {
    return this.copies.find([tenantId, code], () =>
      this.dataSource.manager.findOneBy(CategoryPolicy, { tenantId, code }),
    );
  }

  /** The category changed (its PUT committed): the next report reads it again. */
  forget(tenantId: string, code: string): void {
    this.copies.forget([tenantId, code]);
  }
}
