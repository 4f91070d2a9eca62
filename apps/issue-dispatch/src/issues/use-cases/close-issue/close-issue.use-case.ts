import { Injectable } from '@nestjs/common';
import { IssueClosed } from '@gridline/contracts';
import { CaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';

/** The dispatch centre closes a verified case (结案); the reporter may then rate it. */
@Injectable()
export class CloseIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: CaseAction): Promise<Issue> {
    return this.workflow.run(command, 'close', async (step) => {
      const { issue, now } = step;
      issue.closedAt = now;
      await step.record('closed', body.note ?? null);
      await step.emit(IssueClosed, {
        issueId: issue.id,
        tenantId: issue.tenantId,
        category: issue.category,
        reworkCount: issue.reworkCount,
        extensionCount: issue.extensionCount,
        onTime: issue.resolvedOnTime !== false,
        closedAt: now.toISOString(),
      });
    });
  }
}
