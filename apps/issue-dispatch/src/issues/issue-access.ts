import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GridTree } from '@gridline/grid-replica';
import { canActOnGrid, hasRole, Identity } from '@gridline/platform';
import { IssueErrors } from './issue-errors';
import { Issue } from './issue.entity';

/**
 * Who may see and act on one issue. District staff: any issue of their district. Grid leaders and workers:
 * issues that started in, or are now held by, a grid at or below theirs. Residents: only the issues they
 * reported — anyone else's looks like it does not exist. Who may act on a case is decided per action in
 * domain/case-permissions.ts.
 */
@Injectable()
export class IssueAccess {
  constructor(private readonly grids: GridTree) {}

  async assertCanRead(identity: Identity, issue: Issue, manager?: EntityManager): Promise<void> {
    if (hasRole(identity, 'city-admin', 'city-viewer', 'district-admin', 'dispatcher')) return;
    if (hasRole(identity, 'leader', 'worker')) {
      for (const gridId of new Set([issue.originGridId, issue.holderGridId].filter((g): g is string => g !== null))) {
        if (canActOnGrid(identity, await this.lineage(issue.tenantId, gridId, manager))) return;
      }
    }
    if (hasRole(identity, 'resident') && issue.reporterSubject === identity.subject) return;
    if (hasRole(identity, 'leader', 'worker')) throw IssueErrors.OUTSIDE_YOUR_GRID(issue.id);
    throw IssueErrors.ISSUE_NOT_FOUND(issue.tenantId, issue.id);
  }

  private async lineage(tenantId: string, gridId: string, manager?: EntityManager): Promise<string[]> {
    return (await this.grids.lineage(tenantId, gridId, manager)).map((grid) => grid.gridId);
  }
}
