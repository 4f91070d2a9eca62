import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { issueStates } from './domain/case-state-machine';
import { Issue } from './issue.entity';
import { IssueView } from './use-cases/report-issue/report-issue.dto';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An issue with where it stands in the case loop. Still no reporter name or phone. */
export class CaseView extends IssueView {
  @ApiProperty({ enum: issueStates }) declare state: string;
  @ApiProperty({ nullable: true, type: String }) resolveDeadline: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who handles the case within the holding grid (identity subject).',
  })
  assigneeSubject: string | null;
  @ApiProperty() reworkCount: number;
  @ApiProperty() extensionCount: number;
  @ApiPropertyOptional({ nullable: true, type: Object, description: 'A pending extension request.' })
  extensionRequest: { requestedDeadline: string; reason: string } | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Object,
    description: 'Set while the case is parked (挂账): its clocks are paused.',
  })
  parked: {
    since: string;
    reason: string | null;
    ackRemainingSeconds: number | null;
    resolveRemainingSeconds: number | null;
  } | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) resolvedOnTime: boolean | null;
  @ApiProperty({ nullable: true, type: String }) verifiedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ nullable: true, type: String }) duplicateOf: string | null;
  @ApiProperty({ nullable: true, type: Number }) rating: number | null;
}

/** The public view of an issue: no reporter name or phone. */
export function toIssueView(issue: Issue): CaseView {
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
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
    ackDeadline: iso(issue.ackDeadline),
    reportedAt: issue.reportedAt.toISOString(),
    acknowledgedAt: iso(issue.acknowledgedAt),
    version: issue.version,
    resolveDeadline: iso(issue.resolveDeadline),
    assigneeSubject: issue.assigneeSubject,
    reworkCount: issue.reworkCount,
    extensionCount: issue.extensionCount,
    extensionRequest: issue.extensionRequestedUntil
      ? { requestedDeadline: issue.extensionRequestedUntil.toISOString(), reason: issue.extensionReason ?? '' }
      : null,
    parked: issue.parkedAt
      ? {
          since: issue.parkedAt.toISOString(),
          reason: issue.parkedReason,
          ackRemainingSeconds: seconds(issue.pausedAckMs),
          resolveRemainingSeconds: seconds(issue.pausedResolveMs),
        }
      : null,
    resolvedAt: iso(issue.resolvedAt),
    resolvedOnTime: issue.resolvedOnTime,
    verifiedAt: iso(issue.verifiedAt),
    closedAt: iso(issue.closedAt),
    rejectionReason: issue.rejectionReason,
    duplicateOf: issue.duplicateOf,
    rating: issue.rating,
  };
}
