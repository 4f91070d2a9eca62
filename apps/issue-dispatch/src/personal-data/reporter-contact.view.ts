import { ApiProperty } from '@nestjs/swagger';
import { ContactErasureView, ContactView, toContactErasureView, toContactView } from '../intake/reported-issue-view';
import { Issue } from '../issues/issue.entity';

/** A report's contact and where it stands: every field null once erased, with when and why. */
export class ReporterContactView {
  @ApiProperty({ format: 'uuid' }) issueId: string;
  @ApiProperty() tenantId: string;
  @ApiProperty({ type: ContactView }) contact: ContactView;
  @ApiProperty({ type: ContactErasureView }) erasure: ContactErasureView;
}

export function toReporterContactView(issue: Issue): ReporterContactView {
  return {
    issueId: issue.id,
    tenantId: issue.tenantId,
    contact: toContactView(issue),
    erasure: toContactErasureView(issue),
  };
}
