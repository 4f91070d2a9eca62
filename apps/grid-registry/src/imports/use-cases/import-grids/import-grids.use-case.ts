import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { GridAddress } from '../../../grids/grid-address.entity';
import { Grid } from '../../../grids/grid.entity';
import { CreateGridUseCase } from '../../../grids/use-cases/create-grid/create-grid.use-case';
import { parseCsv } from '../../domain/csv';
import { claimKey, ExistingTree, planGridImport, PlannedGrid } from '../../domain/grid-import-plan';
import { ImportProblem } from '../../domain/import-problem';
import { ImportErrors } from '../../import-errors';
import { applyInOneTransaction, onLine } from '../../import-apply';
import { ImportProgress, noProgress } from '../../import-progress';
import { ImportedGridView, ImportResultView } from '../../import-result.view';
import { requireDistrict } from '../../../tenants/require-district';

export interface ImportGridsCommand {
  readonly tenantId: string;
  readonly csv: string;
  readonly dryRun: boolean;
  readonly correlationId: string;
}

/**
 * Imports a district's grids from CSV: the whole file is validated against the current tree first (every
 * problem reported, nothing stored), then every new grid is created in one transaction, parents first, through
 * CreateGridUseCase itself, so codes, history rows and GridStateChanged events are those of a single create.
 * Rows the tree already holds are left alone, so importing the same file twice changes nothing the second time.
 */
@Injectable()
export class ImportGridsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly createGrid: CreateGridUseCase,
  ) {}

  async execute(
    { tenantId, csv, dryRun, correlationId }: ImportGridsCommand,
    progress: ImportProgress = noProgress,
  ): Promise<ImportResultView> {
    await requireDistrict(this.dataSource.manager, tenantId);

    const parsed = parseCsv(csv);
    progress.validating(Math.max(parsed.records.length - 1, 0));
    const plan = planGridImport(parsed.records, await this.currentTree(this.dataSource.manager, tenantId));
    const problems: ImportProblem[] = [
      ...parsed.problems.map(({ line, reason }) => ({ line, field: 'row', reason })),
      ...(plan.ok ? [] : plan.problems),
    ];
    if (!plan.ok || problems.length > 0) throw ImportErrors.IMPORT_INVALID(problems.sort((a, b) => a.line - b.line));

    if (!dryRun) progress.applying();
    const grids = dryRun
      ? plan.grids.map((g) => this.dryRunView(g))
      : await this.apply(tenantId, plan.grids, correlationId, progress);
    const created = grids.filter((g) => g.action === 'created').length;
    return {
      dryRun,
      created,
      unchanged: grids.length - created,
      total: grids.length,
      grids: grids.sort((a, b) => a.line - b.line),
    };
  }

  private async apply(
    tenantId: string,
    planned: readonly PlannedGrid[],
    correlationId: string,
    progress: ImportProgress,
  ): Promise<ImportedGridView[]> {
    return applyInOneTransaction(this.dataSource, async (manager) => {
      const idOfRef = new Map<string, string>();
      const views: ImportedGridView[] = [];
      for (const row of planned) {
        if (row.action.kind === 'unchanged') {
          idOfRef.set(row.ref, row.action.gridId);
          views.push({ line: row.line, ref: row.ref, action: 'unchanged', gridId: row.action.gridId, code: null });
        } else {
          const parentId =
            row.parent === null ? null : row.parent.kind === 'grid' ? row.parent.gridId : idOfRef.get(row.parent.ref)!;
          const grid = await onLine(row.line, row.ref, () =>
            this.createRow(manager, tenantId, row, parentId, correlationId),
          );
          idOfRef.set(row.ref, grid.gridId);
          views.push({ line: row.line, ref: row.ref, action: 'created', gridId: grid.gridId, code: grid.code });
        }
        progress.advanced(views.length);
      }
      return views;
    });
  }

  /** One row through the single-create path. */
  private createRow(
    manager: EntityManager,
    tenantId: string,
    row: PlannedGrid,
    parentId: string | null,
    correlationId: string,
  ) {
    return this.createGrid.createWithin(manager, {
      tenantId,
      correlationId,
      grid: {
        level: row.level,
        parentId,
        name: row.name,
        addresses: row.addresses,
        ...(row.dedicated ? { dedicated: row.dedicated } : {}),
        ...(row.leader ? { leader: row.leader } : {}),
      },
    });
  }

  private dryRunView(row: PlannedGrid): ImportedGridView {
    return row.action.kind === 'unchanged'
      ? { line: row.line, ref: row.ref, action: 'unchanged', gridId: row.action.gridId, code: null }
      : { line: row.line, ref: row.ref, action: 'created', gridId: null, code: null };
  }

  private async currentTree(manager: EntityManager, tenantId: string): Promise<ExistingTree> {
    const grids = await manager.find(Grid, { where: { tenantId, status: 'active' } });
    const byId = new Map(grids.map((g) => [g.id, g]));
    const claims = new Map<string, { gridId: string; holder: string }>();
    for (const claim of await manager.find(GridAddress, { where: { tenantId } })) {
      const holder = byId.get(claim.gridId);
      claims.set(claimKey(claim.level, claim.address), {
        gridId: claim.gridId,
        holder: holder ? `${holder.name} (${holder.code})` : claim.gridId,
      });
    }
    return { grids, claims };
  }
}
