import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { GridMoved } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { TenantErrors } from '../../../tenants/tenant-errors';
import { Tenant } from '../../../tenants/tenant.entity';
import { checkEffectiveFrom } from '../../domain/effective-dating';
import { checkMove } from '../../domain/grid-move';
import { GridErrors, treeChangeConflict } from '../../grid-errors';
import { latestOpenPeriodStart } from '../../grid-history';
import { reparentWithDescendants } from '../../grid-reparenting';
import { lineageOf, lockActiveDescendants } from '../../grid-subtree';
import { Grid } from '../../grid.entity';
import { GridView, toGridView } from '../../grid-view';
import { Member } from '../../member.entity';
import { MoveGridCommand } from './move-grid.command';

/**
 * Moves a grid under another parent of the same district (docs/adr/0011-grid-history.md). The grid gets the next
 * never-issued code under its new parent and every active descendant's code is rewritten to extend it; each grid
 * touched gets a new version, a history row from `effectiveFrom` and its new state on the grid-state topic, plus
 * one GridMoved fact — all in one transaction.
 *
 * The district's row is locked first, so tree-shape changes of one district run one after another: the cycle check
 * on the new parent's lineage cannot race another move. Creations under a moved grid wait on its row lock.
 */
@Injectable()
export class MoveGridUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: MoveGridCommand): Promise<GridView> {
    try {
      return await this.dataSource.transaction((manager) => this.move(manager, command));
    } catch (error) {
      throw treeChangeConflict(
        error,
        'a grid of the same name already exists under the new parent',
        'the grid was being moved',
      );
    }
  }

  private async move(
    manager: EntityManager,
    { tenantId, gridId, move, correlationId }: MoveGridCommand,
  ): Promise<GridView> {
    const tenant = await manager.findOne(Tenant, { where: { tenantId }, lock: { mode: 'pessimistic_write' } });
    if (!tenant) throw TenantErrors.TENANT_NOT_FOUND(tenantId);
    const grid = await manager.findOne(Grid, { where: { tenantId, id: gridId }, lock: { mode: 'pessimistic_write' } });
    if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
    if (grid.status === 'retired') throw GridErrors.GRID_RETIRED(grid);
    if (grid.parentId === move.newParentId) {
      // Already there: a retried move changes nothing.
      return toGridView(grid, await manager.findOneBy(Member, { tenantId, gridId, role: 'leader', endedAt: IsNull() }));
    }

    const parent = await manager.findOne(Grid, {
      where: { tenantId, id: move.newParentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!parent || parent.status === 'retired') {
      throw GridErrors.UNKNOWN_PARENT(tenantId, move.newParentId, parent !== null, {
        field: 'newParentId',
        reason: 'unknown or retired grid in this district',
      });
    }
    const verdict = checkMove(
      { gridId: grid.id, level: grid.level },
      { gridId: parent.id, level: parent.level, lineage: await lineageOf(manager, tenantId, parent.id) },
    );
    if (!verdict.allowed) throw GridErrors[verdict.code]({ field: 'newParentId', reason: verdict.reason });
    if (await manager.existsBy(Grid, { tenantId, parentId: parent.id, name: grid.name, status: 'active' })) {
      throw GridErrors.DUPLICATE_GRID_NAME({ name: grid.name, parent });
    }

    const descendants = await lockActiveDescendants(manager, tenantId, grid.id);
    const now = new Date();
    const effectiveFrom = move.effectiveFrom === undefined ? now : new Date(move.effectiveFrom);
    const earliest = await latestOpenPeriodStart(manager, tenantId, [
      grid.id,
      parent.id,
      ...descendants.map((d) => d.id),
    ]);
    const dating = checkEffectiveFrom(effectiveFrom, now, earliest);
    if (!dating.allowed) throw GridErrors[dating.code]({ field: 'effectiveFrom', reason: dating.reason });

    const context = EventContext.start(tenantId, correlationId);
    const fromParentId = grid.parentId as string;
    const { fromCode, toCode } = await reparentWithDescendants(manager, this.outbox, {
      grid,
      descendants,
      parent,
      effectiveFrom,
      now,
      context,
    });
    await this.outbox.add(
      manager,
      GridMoved,
      {
        tenantId,
        gridId: grid.id,
        level: grid.level,
        fromParentId,
        toParentId: parent.id,
        fromCode,
        toCode,
        descendantsRecoded: descendants.length,
        effectiveFrom: effectiveFrom.toISOString(),
      },
      context,
    );
    return toGridView(grid, await manager.findOneBy(Member, { tenantId, gridId, role: 'leader', endedAt: IsNull() }));
  }
}
