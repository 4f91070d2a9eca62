import { Injectable } from '@nestjs/common';
import { IssueAccepted } from '@gridline/contracts';
import { CaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';

/** The dispatch centre opens a case (立案) for a report waiting in its queue; it stays there until dispatched. */
@Injectable()
export class AcceptIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: CaseAction): Promise<Issue> {
    return this.workflow.run(command, 'accept', async (step) => {
      await step.record('accepted', body.note ?? null);
      await step.emit(IssueAccepted, {
        issueId: step.issue.id,
        tenantId: step.issue.tenantId,
        category: step.issue.category,
        acceptedAt: step.now.toISOString(),
      });
    });
  }
}
