import { Injectable } from '@nestjs/common';
import { IssueExtensionApproved, IssueExtensionDenied } from '@gridline/contracts';
import { CaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';

/**
 * Someone one level up (an ancestor grid's leader, or the dispatch centre) decides a pending extension. Approval
 * moves the resolve deadline to the one asked for and re-arms the durable timer there; denial leaves it as it is.
 */
@Injectable()
export class DecideExtensionUseCase extends CaseUseCase {
  approve(command: CaseCommand, body: CaseAction): Promise<Issue> {
    return this.workflow.run(command, 'approve-extension', async (step) => {
      const { issue, manager } = step;
      const previous = issue.resolveDeadline as Date;
      issue.resolveDeadline = issue.extensionRequestedUntil as Date;
      issue.extensionCount += 1;
      this.clearRequest(issue);
      await this.clocks.scheduleResolve(manager, issue);
      await step.record('extension-approved', body.note ?? null);
      await step.emit(IssueExtensionApproved, {
        ...step.ref,
        previousDeadline: previous.toISOString(),
        resolveDeadline: issue.resolveDeadline.toISOString(),
      });
    });
  }

  deny(command: CaseCommand, body: CaseAction): Promise<Issue> {
    return this.workflow.run(command, 'deny-extension', async (step) => {
      this.clearRequest(step.issue);
      await step.record('extension-denied', body.note ?? null);
      await step.emit(IssueExtensionDenied, {
        ...step.ref,
        resolveDeadline: (step.issue.resolveDeadline as Date).toISOString(),
      });
    });
  }

  private clearRequest(issue: Issue): void {
    issue.extensionRequestedUntil = null;
    issue.extensionReason = null;
  }
}
