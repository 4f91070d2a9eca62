import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategoryPolicy } from './category-policy.entity';

/** How long a found policy is kept, in milliseconds (CATEGORY_POLICY_CACHE_SECONDS; 0 keeps nothing). */
export const CATEGORY_POLICY_CACHE_MS = Symbol('CATEGORY_POLICY_CACHE_MS');

/** More policies than any city has: past this the cache starts again rather than grow. */
const MAX_KEPT = 10_000;

/**
 * A district's category policies as new reports read them. Every report needs its category's windows and they change
 * only when an administrator PUTs the category, so a found policy is kept for a few seconds instead of read again for
 * each report (ADR 0042). A PUT through this process drops its entry once committed, so this process's next report
 * already uses the new windows; another replica uses them once its copy expires. An unknown category is never kept:
 * a category created anywhere can be reported at once. Callers must not change the policy they get.
 */
@Injectable()
export class CategoryPolicies {
  private readonly kept = new Map<string, { readonly policy: CategoryPolicy; readonly until: number }>();
  /** Bumped by every `forget`: a read that began before it may have seen the old row and is not kept. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CATEGORY_POLICY_CACHE_MS) private readonly keepMs: number,
  ) {}

  async find(tenantId: string, code: string): Promise<CategoryPolicy | null> {
    const key = keyOf(tenantId, code);
    const now = Date.now();
    const copy = this.kept.get(key);
    if (copy && copy.until > now) return copy.policy;
    const generation = this.generation;
    const policy = await this.dataSource.manager.findOneBy(CategoryPolicy, { tenantId, code });
    if (policy && this.keepMs > 0 && generation === this.generation) {
      if (this.kept.size >= MAX_KEPT) this.kept.clear();
      this.kept.set(key, { policy, until: now + this.keepMs });
    } else this.kept.delete(key);
    return policy;
  }

  /** The category changed (its PUT committed): the next report reads it again. */
  forget(tenantId: string, code: string): void {
    this.generation += 1;
    this.kept.delete(keyOf(tenantId, code));
  }
}

const keyOf = (tenantId: string, code: string) => JSON.stringify([tenantId, code]);
