import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CopiesKeptBriefly } from '@gridline/platform';
import { HELP_POLICY_CACHE_MS } from './help-policy-config';
import { HelpCategory } from './help-category.entity';

/**
 * Whether an issue category needs volunteers, as the issue stream reads it: every IssueDispatched and IssueEscalated
 * asks, and most categories need none, so the answer — "none" included — is kept HELP_POLICY_CACHE_SECONDS (ADR
 * 0042). A PUT through this replica applies to its next event at once; another replica's within that time. An issue
 * dispatched in that time without a task gets one if it escalates (IssueNeedsHelpHandler).
 */
@Injectable()
export class HelpNeeds {
  private readonly copies: CopiesKeptBriefly<HelpCategory>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(HELP_POLICY_CACHE_MS) keepMs: number,
  ) {
    this.copies = new CopiesKeptBriefly({ keepMs, keepMissing: true });
  }

  of(tenantId: string, category: string): Promise<HelpCategory | null> {
    return this.copies.find([tenantId, category], () =>
      this.dataSource.manager.findOneBy(HelpCategory, { tenantId, category }),
    );
  }

  /** The category's help entry changed (its PUT committed). */
  forget(tenantId: string, category: string): void {
    this.copies.forget([tenantId, category]);
  }
}
