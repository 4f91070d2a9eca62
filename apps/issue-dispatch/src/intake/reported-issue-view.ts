import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { hasRole, Identity } from '@gridline/platform';
import { Issue } from '../issues/issue.entity';
import { CaseView, toIssueView } from '../issues/issue-view';

export class ContactView {
  @ApiProperty({ nullable: true, type: String, description: 'null once erased.' }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

/** Where the reporter's contact stands; no personal data, so shown to everyone who may read the case. */
export class ContactErasureView {
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'When the contact is due to be erased: the district retention period after the case closed or was rejected; null while the case is open.',
  })
  dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When it was erased; null while it is kept.' }) erasedAt:
    string | null;
  @ApiProperty({ nullable: true, enum: ['retention-period', 'reporter-request'], type: String }) because: string | null;
}

export class PossibleDuplicateView {
  @ApiProperty() issueId: string;
  @ApiProperty() category: string;
  @ApiProperty() state: string;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ enum: ['place', 'radius'] }) matchedBy: 'place' | 'radius';
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Metres between the two reported points, when both have one.',
  })
  distanceMetres: number | null;
}

/** An issue with what intake adds: the channel, photos and — for the reporter and district staff only — the contact. */
export class IntakeIssueView extends CaseView {
  @ApiProperty({ description: 'What the reporter wrote; plain text, shown as text (never as HTML) by the console.' })
  description: string;
  @ApiProperty({ nullable: true, type: String, description: 'The address the report named, if any.' }) address:
    string | null;
  @ApiProperty({ enum: ['resident', 'patrol', 'visit'] }) channel: string;
  @ApiProperty({ enum: ['rest', 'open311'] }) intakeSource: string;
  @ApiProperty({ type: [String] }) photoUrls: string[];
  @ApiPropertyOptional({
    type: ContactView,
    description:
      'Only for the reporter and district staff, and only until erased; every answer carrying it is in the contact access log.',
  })
  contact?: ContactView;
  @ApiProperty({ type: ContactErasureView }) contactErasure: ContactErasureView;
}

/** The answer to a report: the issue, and earlier open reports that are likely the same problem. */
export class ReportedIssueView extends IntakeIssueView {
  @ApiProperty({
    type: [PossibleDuplicateView],
    description:
      'Earlier open reports of the same category at the same place or nearby; the issue is stored anyway, the dispatch centre decides.',
  })
  possibleDuplicates: PossibleDuplicateView[];
}

/**
 * The contact is personal data: only the person who reported and the district's staff (administrator,
 * dispatch centre; a city administrator) may read it — not grid staff, not city viewers, never the public.
 */
export function mayReadContact(identity: Identity, issue: Pick<Issue, 'tenantId' | 'reporterSubject'>): boolean {
  if (hasRole(identity, 'city-admin')) return true;
  if (identity.tenantId === issue.tenantId && hasRole(identity, 'district-admin', 'dispatcher')) return true;
  return issue.reporterSubject !== null && issue.reporterSubject === identity.subject;
}

export function toContactErasureView(issue: Issue): ContactErasureView {
  return {
    dueAt: issue.contactEraseAfter?.toISOString() ?? null,
    erasedAt: issue.contactErasedAt?.toISOString() ?? null,
    because: issue.contactErasedBecause,
  };
}

export function toContactView(issue: Issue): ContactView {
  return { name: issue.reporterName, phone: issue.reporterPhone, email: issue.reporterEmail };
}

export function toIntakeIssueView(issue: Issue, reader: Identity | null): IntakeIssueView {
  const view: IntakeIssueView = {
    ...toIssueView(issue),
    description: issue.description,
    address: issue.address,
    channel: issue.channel,
    intakeSource: issue.intakeSource,
    photoUrls: issue.photoUrls,
    contactErasure: toContactErasureView(issue),
  };
  if (reader && mayReadContact(reader, issue) && issue.contactErasedAt === null) view.contact = toContactView(issue);
  return view;
}
