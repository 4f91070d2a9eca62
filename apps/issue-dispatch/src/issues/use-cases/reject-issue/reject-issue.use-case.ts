import { Injectable } from '@nestjs/common';
import { IssueRejected } from '@gridline/contracts';
import { IssueErrors } from '../../issue-errors';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';
import { RejectIssue } from './reject-issue.command';

/**
 * The dispatch centre declines a report in its queue (or a returned case): invalid, not the district's
 * responsibility, or a duplicate — then the event names the original, so the duplicate's reporter can be told.
 */
@Injectable()
export class RejectIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: RejectIssue): Promise<Issue> {
    return this.workflow.run(command, 'reject', async (step) => {
      const { issue, manager } = step;
      const duplicateOf = body.reason === 'duplicate' ? (body.duplicateOf as string) : null;
      if (duplicateOf !== null) {
        const original = await manager.findOneBy(Issue, { tenantId: issue.tenantId, id: duplicateOf });
        if (!original || original.id === issue.id) {
          throw IssueErrors.UNKNOWN_ORIGINAL_ISSUE(issue.tenantId, duplicateOf);
        }
      }
      issue.rejectionReason = body.reason;
      issue.duplicateOf = duplicateOf;
      await step.record('rejected', `${body.reason}${duplicateOf ? ` of ${duplicateOf}` : ''}: ${body.note}`);
      await step.emit(IssueRejected, {
        issueId: issue.id,
        tenantId: issue.tenantId,
        reason: body.reason,
        duplicateOf,
        rejectedAt: step.now.toISOString(),
      });
    });
  }
}
