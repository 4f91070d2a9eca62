import { Injectable } from '@nestjs/common';
import { IssueDispatched } from '@gridline/contracts';
import { GridTree } from '@gridline/grid-replica';
import { IssueErrors } from '../../issue-errors';
import { CategoryPolicy } from '../../../categories/category-policy.entity';
import { CaseClocks } from '../../case-clocks';
import { CaseUseCase } from '../../case-use-case';
import { CaseCommand, CaseWorkflow } from '../../case-workflow';
import { policySnapshotOf } from '../../domain/resolve-policy';
import { Issue } from '../../issue.entity';
import { DispatchIssue } from './dispatch-issue.command';

/**
 * The dispatch centre sends a case from its queue (an accepted report, or a returned case) to a grid it names.
 * The category's windows are snapshotted now, and the acknowledgement clock starts.
 */
@Injectable()
export class DispatchIssueUseCase extends CaseUseCase {
  constructor(
    workflow: CaseWorkflow,
    clocks: CaseClocks,
    private readonly grids: GridTree,
  ) {
    super(workflow, clocks);
  }

  execute(command: CaseCommand, body: DispatchIssue): Promise<Issue> {
    return this.workflow.run(command, 'dispatch', async (step) => {
      const { issue, manager, now } = step;
      const grid = await this.grids.grid(issue.tenantId, body.gridId, manager);
      if (!grid) throw IssueErrors.UNKNOWN_GRID(issue.tenantId, body.gridId);
      const category = await manager.findOneBy(CategoryPolicy, { tenantId: issue.tenantId, code: issue.category });
      issue.policySnapshot = policySnapshotOf(category ?? { ackWithinSeconds: {}, resolveWithinSeconds: {} });
      // A report that waited in the queue gets its first grid now.
      issue.originGridId ??= grid.gridId;
      issue.holderGridId = grid.gridId;
      issue.holderLevel = grid.level;
      issue.critical = false;
      await this.clocks.startAck(manager, issue, grid.level, now);
      await step.record('dispatched', body.note ?? 'by the dispatch centre');
      await step.emit(IssueDispatched, {
        issueId: issue.id,
        tenantId: issue.tenantId,
        category: issue.category,
        gridId: grid.gridId,
        level: grid.level,
        ackDeadline: (issue.ackDeadline as Date).toISOString(),
      });
    });
  }
}
