import { Injectable } from '@nestjs/common';
import { IssueParked } from '@gridline/contracts';
import { ReasonedCaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { pauseClocks } from '../../domain/case-clock';
import { Issue } from '../../issue.entity';

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/**
 * Parks a long-running case (挂账) with a reason: its timers are cancelled and the time each clock had left is
 * kept, so it cannot escalate while parked and loses no time when it resumes.
 */
@Injectable()
export class ParkIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: ReasonedCaseAction): Promise<Issue> {
    return this.workflow.run(command, 'park', async (step) => {
      const { issue, manager, now } = step;
      const paused = pauseClocks(issue.ackDeadline, issue.resolveDeadline, now);
      await this.clocks.pause(manager, issue);
      issue.pausedAckMs = paused.ackRemainingMs;
      issue.pausedResolveMs = paused.resolveRemainingMs;
      issue.ackDeadline = null;
      issue.resolveDeadline = null;
      issue.parkedAt = now;
      issue.parkedReason = body.reason;
      await step.record('parked', body.reason);
      await step.emit(IssueParked, {
        ...step.ref,
        ackRemainingSeconds: seconds(paused.ackRemainingMs),
        resolveRemainingSeconds: seconds(paused.resolveRemainingMs),
        parkedAt: now.toISOString(),
      });
    });
  }
}
