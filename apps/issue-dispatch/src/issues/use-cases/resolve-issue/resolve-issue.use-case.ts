import { Injectable } from '@nestjs/common';
import { IssueResolved } from '@gridline/contracts';
import { CaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { resolvedOnTime } from '../../domain/case-clock';
import { Issue } from '../../issue.entity';

/** The holder reports the problem solved: the resolve clock stops and the case waits for verification (核查). */
@Injectable()
export class ResolveIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: CaseAction): Promise<Issue> {
    return this.workflow.run(command, 'resolve', async (step) => {
      const { issue, manager, now } = step;
      issue.resolvedAt = now;
      // A case reworked after a late first attempt is judged by its latest deadline; once late, it stays late.
      issue.resolvedOnTime = issue.resolvedOnTime !== false && resolvedOnTime(issue.resolveDeadline, now);
      issue.extensionRequestedUntil = null;
      issue.extensionReason = null;
      await this.clocks.stopResolve(manager, issue);
      await step.record('resolved', body.note ?? null);
      await step.emit(IssueResolved, { ...step.ref, resolvedAt: now.toISOString(), onTime: issue.resolvedOnTime });
    });
  }
}
