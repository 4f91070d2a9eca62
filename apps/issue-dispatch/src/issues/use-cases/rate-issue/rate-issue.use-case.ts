import { Injectable } from '@nestjs/common';
import { IssueRated } from '@gridline/contracts';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';
import { RateIssue } from './rate-issue.command';

/** The reporter rates the closed case (评价), once: 1–5 and an optional comment. */
@Injectable()
export class RateIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: RateIssue): Promise<Issue> {
    return this.workflow.run(command, 'rate', async (step) => {
      const { issue, now } = step;
      issue.rating = body.rating;
      issue.ratingComment = body.comment ?? null;
      issue.ratedAt = now;
      await step.record('rated', `${body.rating}/5${body.comment ? `: ${body.comment}` : ''}`);
      await step.emit(IssueRated, {
        issueId: issue.id,
        tenantId: issue.tenantId,
        rating: body.rating,
        ratedAt: now.toISOString(),
      });
    });
  }
}
