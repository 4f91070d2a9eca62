import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@gridline/platform';
import { mayReadContact } from '../intake/reported-issue-view';
import { IssueAccess } from '../issues/issue-access';
import { IssueErrors } from '../issues/issue-errors';
import { Issue } from '../issues/issue.entity';
import { PersonalDataErrors } from './personal-data-errors';

/**
 * One report's contact for whoever may read it: its reporter (a resident sees only their own reports; anyone
 * else's looks absent) and the district's staff.
 */
@Injectable()
export class ReporterContactReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IssueAccess,
  ) {}

  async read(tenantId: string, issueId: string, identity: Identity): Promise<Issue> {
    const issue = await this.dataSource.manager.findOneBy(Issue, { tenantId, id: issueId });
    if (!issue) throw IssueErrors.ISSUE_NOT_FOUND(tenantId, issueId);
    await this.access.assertCanRead(identity, issue);
    if (!mayReadContact(identity, issue)) throw PersonalDataErrors.FORBIDDEN_ROLE(issueId);
    return issue;
  }
}
