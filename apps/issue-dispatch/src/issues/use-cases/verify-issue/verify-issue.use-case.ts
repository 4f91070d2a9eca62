import { Injectable } from '@nestjs/common';
import { IssueReopened, IssueVerified } from '@gridline/contracts';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';
import { VerifyIssue } from './verify-issue.command';

/**
 * The reporter, or a supervisor of the dispatch centre, checks a resolved case (核查). Passed: verified, ready to
 * close. Failed: reopened for rework (返工, counted on the case) at the same holder, with a fresh resolve deadline.
 */
@Injectable()
export class VerifyIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: VerifyIssue): Promise<Issue> {
    return this.workflow.run(command, body.passed ? 'verify' : 'fail-verification', async (step) => {
      const { issue, manager, now } = step;
      const verifiedBy = step.actingAs.capacity === 'reporter' ? 'reporter' : 'supervisor';
      if (body.passed) {
        issue.verifiedAt = now;
        await step.record('verified', body.note ?? null);
        await step.emit(IssueVerified, {
          issueId: issue.id,
          tenantId: issue.tenantId,
          verifiedBy,
          verifiedAt: now.toISOString(),
        });
        return;
      }
      issue.reworkCount += 1;
      issue.resolvedAt = null;
      await this.clocks.startResolve(manager, issue, issue.holderLevel, now);
      await step.record('reopened', body.note ?? 'verification failed');
      await step.emit(IssueReopened, {
        ...step.ref,
        verifiedBy,
        reworkCount: issue.reworkCount,
        resolveDeadline: (issue.resolveDeadline as Date).toISOString(),
        reopenedAt: now.toISOString(),
      });
    });
  }
}
