import { Injectable } from '@nestjs/common';
import { IssueErrors } from '../../issue-errors';
import { ReasonedCaseAction } from '../case-action.command';
import { CaseEscalation } from '../../case-escalation';
import { CaseClocks } from '../../case-clocks';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand, CaseWorkflow } from '../../case-workflow';
import { Issue } from '../../issue.entity';

/** The holder (or someone above it) sends the case one level up now, with a reason: escalation reason `manual`. */
@Injectable()
export class EscalateIssueManuallyUseCase extends CaseUseCase {
  constructor(
    workflow: CaseWorkflow,
    clocks: CaseClocks,
    private readonly escalation: CaseEscalation,
  ) {
    super(workflow, clocks);
  }

  execute(command: CaseCommand, body: ReasonedCaseAction): Promise<Issue> {
    return this.workflow.run(command, 'escalate', async (step) => {
      const moved = await this.escalation.moveUp(step, 'manual', body.reason);
      if (!moved) throw IssueErrors.ILLEGAL_TRANSITION(step.issue.id, { nowhereHigher: true });
    });
  }
}
