import { Issue } from './issue.entity';
import { IssueView } from './use-cases/report-issue/report-issue.dto';

/** The public view of an issue: no reporter name or phone. */
export function toIssueView(issue: Issue): IssueView {
  return {
    id: issue.id,
    tenantId: issue.tenantId,
    category: issue.category,
    state: issue.state,
    holderGridId: issue.holderGridId,
    holderLevel: issue.holderLevel,
    originGridId: issue.originGridId,
    escalationDepth: issue.escalationDepth,
    critical: issue.critical,
    ackDeadline: issue.ackDeadline?.toISOString() ?? null,
    reportedAt: issue.reportedAt.toISOString(),
    acknowledgedAt: issue.acknowledgedAt?.toISOString() ?? null,
    version: issue.version,
  };
}
