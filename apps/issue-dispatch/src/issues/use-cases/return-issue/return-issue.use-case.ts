import { Injectable } from '@nestjs/common';
import { IssueReturned } from '@gridline/contracts';
import { ReasonedCaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';

/**
 * A grid sends back a case that was wrongly dispatched to it (回退), saying why. Its clocks stop and the case
 * waits, accepted, in the district dispatch centre's queue until the centre dispatches it to another grid.
 */
@Injectable()
export class ReturnIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: ReasonedCaseAction): Promise<Issue> {
    return this.workflow.run(command, 'return', async (step) => {
      const { issue, manager, now } = step;
      const from = { gridId: issue.holderGridId as string, level: issue.holderLevel };
      await step.record('returned', body.reason); // recorded at the grid that returned it
      await this.clocks.stopAck(manager, issue);
      await this.clocks.stopResolve(manager, issue);
      issue.holderLevel = 'district';
      issue.holderGridId = null;
      issue.assigneeSubject = null;
      issue.acknowledgedAt = null;
      issue.extensionRequestedUntil = null;
      issue.extensionReason = null;
      await step.emit(IssueReturned, {
        issueId: issue.id,
        tenantId: issue.tenantId,
        fromGridId: from.gridId,
        fromLevel: from.level,
        returnedAt: now.toISOString(),
      });
    });
  }
}
