import { ApiProperty } from '@nestjs/swagger';
import { IntakeIssueView } from '../intake/reported-issue-view';
import { caseActionRoute } from './domain/case-rule';

const actionRoutes = [...new Set(Object.values(caseActionRoute))];

/** One case as its reader sees it, with what the reader may do to it now. */
export class CaseDetailView extends IntakeIssueView {
  @ApiProperty({
    type: [String],
    enum: actionRoutes,
    example: ['start-work', 'request-extension', 'return', 'escalate', 'reassign', 'park'],
    description:
      'The case actions the caller’s token may take on this case in its current state, as the route segments under ' +
      '`issues/:issueId/` (POST). Decided by the same rule the actions refuse with (docs/adr/0012), so a listed action ' +
      'is accepted unless the version moved on or the body is invalid. Empty for a city viewer.',
  })
  actions: string[];
}
