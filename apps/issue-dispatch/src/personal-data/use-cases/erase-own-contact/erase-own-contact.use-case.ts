import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError, Identity } from '@gridline/platform';
import { CaseClocks } from '../../../issues/case-clocks';
import { IssueAccess } from '../../../issues/issue-access';
import { IssueErrors } from '../../../issues/issue-errors';
import { Issue } from '../../../issues/issue.entity';
import { ReporterContactErasure } from '../../reporter-contact-erasure';

export interface EraseOwnContactCommand {
  readonly tenantId: string;
  readonly issueId: string;
  readonly identity: Identity;
}

/**
 * A resident erases their own contact from one of their reports, open or finished, at once: the case goes on
 * (or stays closed) without it, the history says who erased it and when. Someone else's report looks absent (404),
 * as everywhere for residents. Erasing an erased contact again changes nothing.
 */
@Injectable()
export class EraseOwnContactUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: CaseClocks,
    private readonly access: IssueAccess,
    private readonly erasure: ReporterContactErasure,
  ) {}

  execute({ tenantId, issueId, identity }: EraseOwnContactCommand): Promise<Issue> {
    return this.dataSource.transaction(async (manager) => {
      // Timers first, then the case: the order the timer poller (and every case action) takes them in.
      await this.clocks.lockTimers(manager, issueId);
      const issue = await manager.findOne(Issue, {
        where: { id: issueId, tenantId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!issue) throw notFound(tenantId, issueId);
      await this.access.assertCanRead(identity, issue, manager);
      if (issue.reporterSubject !== identity.subject) throw notFound(tenantId, issueId);
      await this.erasure.erase(
        manager,
        issue,
        'reporter-request',
        { subject: identity.subject, role: 'resident', gridId: null },
        new Date(),
        "erased at the reporter's request",
      );
      return issue;
    });
  }
}

function notFound(tenantId: string, issueId: string): ApiError {
  return IssueErrors.ISSUE_NOT_FOUND(tenantId, issueId);
}
