import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Grid } from '../../../grids/grid.entity';
import { GridMember } from '../../../members/grid-member.entity';
import type { MemberToAdd } from '../../../members/use-cases/add-member/add-member.command';
import { AddMemberUseCase } from '../../../members/use-cases/add-member/add-member.use-case';
import { parseCsv } from '../../domain/csv';
import { byLine, problemCollector } from '../../domain/import-problem';
import { MemberImportContext, planMemberImport, PlannedMember } from '../../domain/member-import-plan';
import { applyInOneTransaction, csvProblems, onLine, tally } from '../../import-apply';
import { ImportErrors } from '../../import-errors';
import { ImportProgress, noProgress } from '../../import-progress';
import { ImportedMemberView, MemberImportResultView } from '../../import-result.view';
import { requireDistrict } from '../../../tenants/require-district';

export interface ImportMembersCommand {
  readonly tenantId: string;
  readonly csv: string;
  readonly dryRun: boolean;
  readonly correlationId: string;
}

/**
 * Imports people and roles per grid from CSV: the whole file is validated first, then every new membership is
 * added in one transaction through AddMemberUseCase.addWithin — the code of POST …/members, so the one-leader
 * rule, MemberStateChanged / MemberContactsChanged and a first leader's GridStateChanged are those of a single
 * add. A row matching an active membership (grid, name, role) is left alone: re-importing changes nothing.
 */
@Injectable()
export class ImportMembersUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly addMember: AddMemberUseCase,
  ) {}

  async execute(
    { tenantId, csv, dryRun, correlationId }: ImportMembersCommand,
    progress: ImportProgress = noProgress,
  ): Promise<MemberImportResultView> {
    await requireDistrict(this.dataSource.manager, tenantId);
    const parsed = parseCsv(csv);
    progress.validating(Math.max(parsed.records.length - 1, 0));
    const { problems, report } = problemCollector(csvProblems(parsed));
    const planned =
      planMemberImport(parsed.records, await this.context(this.dataSource.manager, tenantId), report) ?? [];
    if (problems.length > 0) throw ImportErrors.IMPORT_INVALID(byLine(problems));

    let views = planned.map((row) => this.view(row, row.action.kind === 'unchanged' ? row.action.memberId : null));
    if (!dryRun) {
      progress.applying();
      views = await applyInOneTransaction(this.dataSource, async (manager) => {
        const applied: ImportedMemberView[] = [];
        for (const row of planned) {
          const memberId =
            row.action.kind === 'unchanged'
              ? row.action.memberId
              : (await onLine(row.line, row.name, () => this.add(manager, tenantId, row, correlationId))).id;
          applied.push(this.view(row, memberId));
          progress.advanced(applied.length);
        }
        return applied;
      });
    }
    return { dryRun, ...tally(views), total: views.length, members: views };
  }

  private add(
    manager: EntityManager,
    tenantId: string,
    row: PlannedMember,
    correlationId: string,
  ): Promise<GridMember> {
    const member: MemberToAdd = {
      name: row.name,
      role: row.role,
      ...(row.phone === null ? {} : { phone: row.phone }),
      ...(row.note === null ? {} : { note: row.note }),
    };
    return this.addMember.addWithin(manager, { tenantId, gridId: row.gridId, member, correlationId });
  }

  private view(row: PlannedMember, memberId: string | null): ImportedMemberView {
    return {
      line: row.line,
      action: row.action.kind === 'create' ? 'created' : 'unchanged',
      memberId,
      gridCode: row.gridCode,
      role: row.role,
    };
  }

  private async context(manager: EntityManager, tenantId: string): Promise<MemberImportContext> {
    const grids = await manager.find(Grid, {
      select: { id: true, code: true, name: true },
      where: { tenantId, status: 'active' },
    });
    const active = await manager.find(GridMember, {
      select: { id: true, gridId: true, name: true, role: true },
      where: { tenantId, endedAt: IsNull() },
    });
    return { gridsByCode: new Map(grids.map((g) => [g.code, g])), active };
  }
}
