import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { escalationPath } from './domain/escalation-path';
import { IssueCountCell, summariseIssueCounts, UNASSIGNED_LEVEL, UNKNOWN_CATEGORY } from './domain/issue-counts';
import { EscalationStep } from './escalation-step.entity';
import { IssueFact } from './issue-fact.entity';
import { IssueAnalyticsErrors } from './issue-errors';
import { EscalationView, IssueCountsView } from './issue-analytics.views';

/**
 * What analytics knows about issues, read from the projections IssueFactsProjector keeps (issue_facts,
 * escalation_steps): a class of its own so the SQL over those tables sits beside the projector that writes them.
 */
@Injectable()
export class IssueAnalyticsReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  /** One grouped scan of the district's facts; the domain folds the cells into totals per level and category. */
  async counts(tenantId: string): Promise<IssueCountsView> {
    await this.grids.requireTenant(tenantId);
    const cells: IssueCountCell[] = await this.dataSource.query(
      `SELECT COALESCE(current_level, $2) AS level, COALESCE(category, $3) AS category, count(*)::int AS count,
              (count(*) FILTER (WHERE acknowledged_at IS NOT NULL))::int AS acknowledged,
              (count(*) FILTER (WHERE escalation_depth > 0))::int AS escalated
         FROM issue_facts WHERE tenant_id = $1 GROUP BY 1, 2`,
      [tenantId, UNASSIGNED_LEVEL, UNKNOWN_CATEGORY],
    );
    return { tenantId, ...summariseIssueCounts(cells) };
  }

  async escalation(tenantId: string, issueId: string): Promise<EscalationView> {
    const facts = await this.dataSource.manager.findOneBy(IssueFact, { tenantId, issueId });
    if (!facts) throw IssueAnalyticsErrors.ISSUE_NOT_FOUND(tenantId, issueId);
    const steps = await this.dataSource.manager.find(EscalationStep, {
      where: { tenantId, issueId },
      order: { depth: 'ASC' },
    });
    return {
      issueId,
      tenantId,
      category: facts.category,
      depth: facts.escalationDepth,
      currentLevel: facts.currentLevel,
      currentGridId: facts.currentGridId,
      path: escalationPath(facts, steps),
      critical: facts.critical,
      state: facts.state,
    };
  }
}
