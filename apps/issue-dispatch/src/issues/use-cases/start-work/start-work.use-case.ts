import { Injectable } from '@nestjs/common';
import { IssueWorkStarted } from '@gridline/contracts';
import { CaseAction } from '../case-action.command';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';

/** The holder starts handling the acknowledged case (处置); the resolve clock keeps running. */
@Injectable()
export class StartWorkUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: CaseAction): Promise<Issue> {
    return this.workflow.run(command, 'start-work', async (step) => {
      step.issue.workStartedAt ??= step.now;
      await step.record('work-started', body.note ?? null);
      await step.emit(IssueWorkStarted, { ...step.ref, startedAt: step.now.toISOString() });
    });
  }
}
