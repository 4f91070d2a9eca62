import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessRoute } from '@gridline/personal-data';
import { Identity } from '@gridline/platform';
import { IssueErrors } from './issue-errors';
import { toIntakeIssueView } from '../intake/reported-issue-view';
import { ReporterContactReads } from '../personal-data/reporter-contact-reads';
import { CaseDetailView } from './case-detail-view';
import { CaseWorkflow } from './case-workflow';
import { IssueAccess } from './issue-access';
import { Issue } from './issue.entity';
import { IssueHistoryEntry } from './issue-history.entity';

/**
 * One case as the caller may see it: residents only their own (anyone else's looks absent), grid staff those
 * their grids started or hold, district staff all. Every read checks that first.
 */
@Injectable()
export class IssuesReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IssueAccess,
    private readonly workflow: CaseWorkflow,
    private readonly contactReads: ReporterContactReads,
  ) {}

  /** The case with the actions the caller may take now; an answer carrying the contact is logged before it goes. */
  async detail(tenantId: string, issueId: string, identity: Identity, via: AccessRoute): Promise<CaseDetailView> {
    const issue = await this.readable(tenantId, issueId, identity);
    const view: CaseDetailView = {
      ...toIntakeIssueView(issue, identity),
      actions: await this.workflow.availableActions(identity, issue),
    };
    await this.contactReads.recordShown(
      identity,
      via,
      { tenantId, caseId: issueId, contact: view.contact },
      'case-view',
    );
    return view;
  }

  /** Every action on the case, oldest first. */
  async history(tenantId: string, issueId: string, identity: Identity): Promise<IssueHistoryEntry[]> {
    await this.readable(tenantId, issueId, identity);
    return this.dataSource.manager.find(IssueHistoryEntry, {
      where: { tenantId, issueId },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  private async readable(tenantId: string, issueId: string, identity: Identity): Promise<Issue> {
    const issue = await this.dataSource.manager.findOneBy(Issue, { tenantId, id: issueId });
    if (!issue) throw IssueErrors.ISSUE_NOT_FOUND(tenantId, issueId);
    await this.access.assertCanRead(identity, issue);
    return issue;
  }
}
