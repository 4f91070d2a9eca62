import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError, ConflictError, NotFoundError } from '@gridline/platform';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { GridAddress } from '../../../grids/grid-address.entity';
import { Grid } from '../../../grids/grid.entity';
import { CreateGridUseCase } from '../../../grids/use-cases/create-grid/create-grid.use-case';
import { Tenant } from '../../../tenants/tenant.entity';
import { parseCsv } from '../../domain/csv';
import { claimKey, ExistingTree, ImportProblem, planGridImport, PlannedGrid } from '../../domain/grid-import-plan';
import { ImportInvalidError } from '../../import-errors';
import { ImportedGridView, ImportResultView } from '../../import-result.view';

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

  async execute({ tenantId, csv, dryRun, correlationId }: ImportGridsCommand): Promise<ImportResultView> {
    if (!(await this.dataSource.manager.existsBy(Tenant, { tenantId }))) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} does not exist`);

    const parsed = parseCsv(csv);
    const plan = planGridImport(parsed.records, await this.currentTree(this.dataSource.manager, tenantId));
    const problems: ImportProblem[] = [...parsed.problems.map(({ line, reason }) => ({ line, field: 'row', reason })), ...(plan.ok ? [] : plan.problems)];
    if (!plan.ok || problems.length > 0) throw new ImportInvalidError(problems.sort((a, b) => a.line - b.line));

    const grids = dryRun ? plan.grids.map((g) => this.dryRunView(g)) : await this.apply(tenantId, plan.grids, correlationId);
    const created = grids.filter((g) => g.action === 'created').length;
    return { dryRun, created, unchanged: grids.length - created, total: grids.length, grids: grids.sort((a, b) => a.line - b.line) };
  }

  private async apply(tenantId: string, planned: readonly PlannedGrid[], correlationId: string): Promise<ImportedGridView[]> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const idOfRef = new Map<string, string>();
        const views: ImportedGridView[] = [];
        for (const row of planned) {
          if (row.action.kind === 'unchanged') {
            idOfRef.set(row.ref, row.action.gridId);
            views.push({ line: row.line, ref: row.ref, action: 'unchanged', gridId: row.action.gridId, code: null });
            continue;
          }
          const parentId = row.parent === null ? null : row.parent.kind === 'grid' ? row.parent.gridId : idOfRef.get(row.parent.ref)!;
          const grid = await this.createRow(manager, tenantId, row, parentId, correlationId);
          idOfRef.set(row.ref, grid.gridId);
          views.push({ line: row.line, ref: row.ref, action: 'created', gridId: grid.gridId, code: grid.code });
        }
        return views;
      });
    } catch (error) {
      if (violatedUniqueConstraint(error) !== null) {
        throw new ConflictError('CONCURRENT_CHANGE', 'the district changed while the file was being imported; nothing was imported, retry the request');
      }
      throw error;
    }
  }

  /** One row through the single-create path; a refusal there (the tree changed since validation) names the line. */
  private async createRow(manager: EntityManager, tenantId: string, row: PlannedGrid, parentId: string | null, correlationId: string) {
    try {
      return await this.createGrid.createWithin(manager, {
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
    } catch (error) {
      if (error instanceof ApiError) {
        throw new ApiError(error.status, error.code, `line ${row.line} (${row.ref}): ${error.message}; nothing was imported`, error.details.map((d) => ({ line: row.line, ...d })));
      }
      throw error;
    }
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
      claims.set(claimKey(claim.level, claim.address), { gridId: claim.gridId, holder: holder ? `${holder.name} (${holder.code})` : claim.gridId });
    }
    return { grids, claims };
  }
}
