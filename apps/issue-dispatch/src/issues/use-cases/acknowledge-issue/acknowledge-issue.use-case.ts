import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IssueAcknowledged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { ConflictError, Identity, NotFoundError } from '@gridline/platform';
import { DurableTimers } from '@gridline/scheduling';
import { IssueAccess } from '../../issue-access';
import { Issue } from '../../issue.entity';
import { IssueHistoryEntry } from '../../issue-history.entity';
import { ACK_DEADLINE_TIMER } from '../../issue-timers';
import { AcknowledgeIssueDto } from './acknowledge-issue.dto';

/** The current holder takes the issue: its pending deadline is cancelled, so it escalates no further. */
@Injectable()
export class AcknowledgeIssueUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly timers: DurableTimers,
    private readonly access: IssueAccess,
  ) {}

  async execute(tenantId: string, issueId: string, command: AcknowledgeIssueDto, correlationId: string, identity: Identity): Promise<Issue> {
    return this.dataSource.transaction(async (manager) => {
      const issue = await manager.findOne(Issue, { where: { id: issueId, tenantId }, lock: { mode: 'pessimistic_write' } });
      if (!issue) throw new NotFoundError('ISSUE_NOT_FOUND', `issue ${issueId} does not exist in district ${tenantId}`);
      await this.access.assertCanHandle(identity, issue, manager);
      if (command.expectedVersion !== undefined && command.expectedVersion !== issue.version) {
        throw new ConflictError('VERSION_CONFLICT', `issue ${issueId} is at version ${issue.version}, not ${command.expectedVersion}`);
      }
      if (issue.state !== 'dispatched') throw new ConflictError('ILLEGAL_TRANSITION', `issue ${issueId} is ${issue.state}; only a dispatched issue can be acknowledged`);
      const now = new Date();
      issue.state = 'acknowledged';
      issue.acknowledgedAt = now;
      issue.ackDeadline = null;
      await manager.save(issue);
      await this.timers.cancel(manager, issue.id, ACK_DEADLINE_TIMER);
      await manager.insert(IssueHistoryEntry, { tenantId, issueId, action: 'acknowledged', actor: identity.subject, holderLevel: issue.holderLevel, holderGridId: issue.holderGridId, reason: command.note ?? null, at: now });
      await this.outbox.add(manager, IssueAcknowledged, {
        issueId,
        tenantId,
        gridId: issue.holderGridId,
        level: issue.holderLevel,
        acknowledgedAt: now.toISOString(),
      }, EventContext.start(tenantId, correlationId));
      return issue;
    });
  }
}
