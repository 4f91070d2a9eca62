import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { NotFoundError, Permit } from '@gridline/platform';
import { TenantIssueParams, TenantParams } from '../http/path-params';
import { escalationPath } from './domain/escalation-path';
import { IssueCountCell, summariseIssueCounts, UNASSIGNED_LEVEL, UNKNOWN_CATEGORY } from './domain/issue-counts';
import { EscalationStep } from './escalation-step.entity';
import { IssueFact } from './issue-fact.entity';
import { EscalationView, IssueCountsView } from './issue-analytics.views';

@ApiTags('issues')
@Controller('v1/tenants/:tenantId/issues')
export class IssueAnalyticsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grids: GridTree,
  ) {}

  @Get('counts')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: "A district's issues counted by current holder level and by category" })
  @ApiOkResponse({ type: IssueCountsView })
  async counts(@Param() { tenantId }: TenantParams): Promise<IssueCountsView> {
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

  @Get(':issueId/escalation')
  @Permit('district-staff', 'grid-staff')
  @ApiOperation({ summary: 'How far an issue escalated, and every holder it passed through' })
  @ApiOkResponse({ type: EscalationView })
  async escalation(@Param() { tenantId, issueId }: TenantIssueParams): Promise<EscalationView> {
    const facts = await this.dataSource.manager.findOneBy(IssueFact, { tenantId, issueId });
    if (!facts) throw new NotFoundError('ISSUE_NOT_FOUND', `analytics has seen no issue ${issueId} in district ${tenantId}`);
    const steps = await this.dataSource.manager.find(EscalationStep, { where: { tenantId, issueId }, order: { depth: 'ASC' } });
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
