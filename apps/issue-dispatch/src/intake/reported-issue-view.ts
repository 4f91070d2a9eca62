import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { hasRole, Identity } from '@gridline/platform';
import { Issue } from '../issues/issue.entity';
import { CaseView, toIssueView } from '../issues/issue-view';
import type { PossibleDuplicate } from './duplicates/possible-duplicates';

export class ContactView {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

export class PossibleDuplicateView {
  @ApiProperty() issueId: string;
  @ApiProperty() category: string;
  @ApiProperty() state: string;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ enum: ['place', 'radius'] }) matchedBy: 'place' | 'radius';
  @ApiProperty({ nullable: true, type: Number, description: 'Metres between the two reported points, when both have one.' }) distanceMetres: number | null;
}

/** An issue with what intake adds: the channel, photos and — for the reporter and district staff only — the contact. */
export class IntakeIssueView extends CaseView {
  @ApiProperty({ enum: ['resident', 'patrol', 'visit'] }) channel: string;
  @ApiProperty({ enum: ['rest', 'open311'] }) intakeSource: string;
  @ApiProperty({ type: [String] }) photoUrls: string[];
  @ApiPropertyOptional({ type: ContactView, description: 'Only for the reporter and district staff.' }) contact?: ContactView;
}

/** The answer to a report: the issue, and earlier open reports that are likely the same problem. */
export class ReportedIssueView extends IntakeIssueView {
  @ApiProperty({ type: [PossibleDuplicateView], description: 'Earlier open reports of the same category at the same place or nearby; the issue is stored anyway, the dispatch centre decides.' })
  possibleDuplicates: PossibleDuplicateView[];
}

/**
 * The contact is personal data: only the person who reported and the district's staff (administrator,
 * dispatch centre; a city administrator) may read it — not grid staff, not city viewers, never the public.
 */
export function mayReadContact(identity: Identity, issue: Issue): boolean {
  if (hasRole(identity, 'city-admin')) return true;
  if (identity.tenantId === issue.tenantId && hasRole(identity, 'district-admin', 'dispatcher')) return true;
  return issue.reporterSubject !== null && issue.reporterSubject === identity.subject;
}

export function toIntakeIssueView(issue: Issue, reader: Identity | null): IntakeIssueView {
  const view: IntakeIssueView = { ...toIssueView(issue), channel: issue.channel, intakeSource: issue.intakeSource, photoUrls: issue.photoUrls };
  if (reader && mayReadContact(reader, issue)) view.contact = { name: issue.reporterName, phone: issue.reporterPhone, email: issue.reporterEmail };
  return view;
}
