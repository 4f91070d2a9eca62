import { EntityManager } from 'typeorm';
import type { CaseActor } from './case-workflow';
import { Issue } from './issue.entity';
import { IssueHistoryAction, IssueHistoryEntry } from './issue-history.entity';

/** Appends one line to a case's history, at its current holder (the table refuses anything but inserts). */
export async function appendCaseHistory(
  manager: EntityManager,
  issue: Issue,
  actor: CaseActor,
  action: IssueHistoryAction,
  reason: string | null,
  at: Date,
): Promise<void> {
  await manager.insert(IssueHistoryEntry, {
    tenantId: issue.tenantId,
    issueId: issue.id,
    action,
    actor: actor.subject,
    actorRole: actor.role,
    actorGridId: actor.gridId,
    holderLevel: issue.holderLevel,
    holderGridId: issue.holderGridId,
    reason,
    at,
  });
}
