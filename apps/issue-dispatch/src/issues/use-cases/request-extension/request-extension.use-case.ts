import { Injectable } from '@nestjs/common';
import { IssueExtensionRequested } from '@gridline/contracts';
import { IssueErrors } from '../../issue-errors';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand } from '../../case-workflow';
import { checkExtensionRequest } from '../../domain/case-clock';
import { Issue } from '../../issue.entity';
import { RequestExtension } from './request-extension.command';

/** Longest an extension may reach from now: beyond this, the case should be parked (挂账) instead. */
const MAX_EXTENSION_SECONDS = 90 * 24 * 60 * 60;

/**
 * The holding grid asks for more time (延期) with a reason and the deadline it needs. The clock keeps running
 * until someone one level up decides: if nobody does in time, the case escalates as usual.
 */
@Injectable()
export class RequestExtensionUseCase extends CaseUseCase {
  execute(command: CaseCommand, body: RequestExtension): Promise<Issue> {
    return this.workflow.run(command, 'request-extension', async (step) => {
      const { issue, now } = step;
      const current = issue.resolveDeadline as Date;
      const requested = new Date(body.requestedDeadline);
      const problem = checkExtensionRequest(current, requested, now, MAX_EXTENSION_SECONDS);
      if (problem) throw IssueErrors.INVALID_EXTENSION(problem);
      issue.extensionRequestedUntil = requested;
      issue.extensionReason = body.reason;
      await step.record('extension-requested', `until ${requested.toISOString()}: ${body.reason}`);
      await step.emit(IssueExtensionRequested, {
        ...step.ref,
        currentDeadline: current.toISOString(),
        requestedDeadline: requested.toISOString(),
      });
    });
  }
}
