import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Issue } from '../issue.entity';
import { toIssueView } from '../issue-view';
import { DEFAULT_QUEUE_PAGE, QueueQuery } from './queue.query';
import { QueuePageView } from './queue.view';

const queuedStates = ['reported', 'accepted'];

/**
 * The district dispatch centre's queue: reports no router could place (reported) and cases waiting to be
 * dispatched (accepted, returned ones too), oldest report first. Page, total and `asOf` are read in one
 * REPEATABLE READ snapshot, so a case dispatched between the reads cannot be on the page but missing from the total.
 */
@Injectable()
export class QueueReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  page(tenantId: string, query: QueueQuery): Promise<QueuePageView> {
    const limit = query.limit ?? DEFAULT_QUEUE_PAGE;
    const offset = query.offset ?? 0;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ now }]: Array<{ now: Date }> = await manager.query('SELECT now() AS now');
      const total = await manager.countBy(Issue, { tenantId, state: In(queuedStates) });
      const issues = await manager.find(Issue, {
        where: { tenantId, state: In(queuedStates) },
        order: { reportedAt: 'ASC', id: 'ASC' },
        skip: offset,
        take: limit,
      });
      // A returned case queues again from the moment it came back, not from its report.
      const returns: Array<{ issue_id: string; at: Date }> =
        issues.length === 0
          ? []
          : await manager.query(
              `SELECT issue_id, max(at) AS at FROM issue_history WHERE tenant_id = $1 AND issue_id = ANY($2::uuid[]) AND action = 'returned' GROUP BY issue_id`,
              [tenantId, issues.map((issue) => issue.id)],
            );
      const returnedAt = new Map(returns.map((row) => [row.issue_id, new Date(row.at)]));
      const asOf = new Date(now);
      return {
        asOf: asOf.toISOString(),
        total,
        limit,
        offset,
        items: issues.map((issue) => {
          const since = returnedAt.get(issue.id) ?? issue.reportedAt;
          return {
            ...toIssueView(issue),
            queuedSince: since.toISOString(),
            waitingSeconds: Math.max(0, Math.floor((asOf.getTime() - since.getTime()) / 1000)),
          };
        }),
      };
    });
  }
}
