import { Injectable } from '@nestjs/common';
import { IssueReassigned } from '@gridline/contracts';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';
import { ReassignIssue } from './reassign-issue.command';

/**
 * The grid's leader (or someone above) hands the case to another member of the same grid. The holder grid, the
 * state and the clocks do not change; who handled it when stays in the history.
 */
@Injectable()
export class ReassignIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: ReassignIssue): Promise<Issue> {
    return this.workflow.run(command, 'reassign', async (step) => {
      const from = step.issue.assigneeSubject;
      step.issue.assigneeSubject = body.assigneeSubject;
      await step.record('reassigned', `${from ?? 'nobody'} → ${body.assigneeSubject}: ${body.reason}`);
      await step.emit(IssueReassigned, { ...step.ref, reassignedAt: step.now.toISOString() });
    });
  }
}
