import { Injectable } from '@nestjs/common';
import { IssueUnparked } from '@gridline/contracts';
import { CaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { resumeClocks } from '../../domain/case-clock';
import { Issue } from '../../issue.entity';

/** Resumes a parked case: each clock that was running gets back the time it had left, from now. */
@Injectable()
export class UnparkIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: CaseAction): Promise<Issue> {
    return this.workflow.run(command, 'unpark', async (step) => {
      const { issue, manager, now } = step;
      const resumed = resumeClocks(
        { ackRemainingMs: issue.pausedAckMs, resolveRemainingMs: issue.pausedResolveMs },
        now,
      );
      issue.ackDeadline = resumed.ackDeadline;
      issue.resolveDeadline = resumed.resolveDeadline;
      issue.pausedAckMs = null;
      issue.pausedResolveMs = null;
      issue.parkedAt = null;
      issue.parkedReason = null;
      await this.clocks.scheduleAck(manager, issue);
      await this.clocks.scheduleResolve(manager, issue);
      await step.record('unparked', body.note ?? null);
      await step.emit(IssueUnparked, {
        ...step.ref,
        ackDeadline: issue.ackDeadline?.toISOString() ?? null,
        resolveDeadline: issue.resolveDeadline?.toISOString() ?? null,
        unparkedAt: now.toISOString(),
      });
    });
  }
}
