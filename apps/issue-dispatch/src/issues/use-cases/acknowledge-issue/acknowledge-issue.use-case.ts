import { Injectable } from '@nestjs/common';
import { IssueAcknowledged } from '@gridline/contracts';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { Issue } from '../../issue.entity';
import { AcknowledgeIssue } from './acknowledge-issue.command';

/**
 * The holder takes the case: the acknowledgement clock stops, so it escalates no further for want of an
 * acknowledgement, and the resolve clock starts — or keeps running, when it came with an escalation.
 * Whoever acknowledges becomes the case's assignee.
 */
@Injectable()
export class AcknowledgeIssueUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: AcknowledgeIssue): Promise<Issue> {
    return this.workflow.run(command, 'acknowledge', async (step) => {
      const { issue, manager, now } = step;
      issue.acknowledgedAt = now;
      issue.assigneeSubject = step.actor.subject;
      await this.clocks.stopAck(manager, issue);
      if (issue.resolveDeadline === null) await this.clocks.startResolve(manager, issue, issue.holderLevel, now);
      await step.record('acknowledged', body.note ?? null);
      await step.emit(IssueAcknowledged, {
        ...step.ref,
        acknowledgedAt: now.toISOString(),
        resolveDeadline: issue.resolveDeadline?.toISOString() ?? null,
      });
    });
  }
}
