import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { GridMoved, GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { ConflictError, NotFoundError, UnprocessableError } from '@gridline/platform';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { Tenant } from '../../../tenants/tenant.entity';
import { checkEffectiveFrom } from '../../domain/effective-dating';
import { maxSiblings } from '../../domain/grid-code';
import { nextUnusedGridCode, rewriteDescendantCodes } from '../../domain/grid-code-rewrite';
import { checkMove } from '../../domain/grid-move';
import { gridChangeErrors } from '../../grid-change-errors';
import { highestIssuedCodes, latestOpenPeriodStart, recordGridVersion } from '../../grid-history';
import { lineageOf, lockActiveDescendants } from '../../grid-subtree';
import { Grid } from '../../grid.entity';
import { toGridState } from '../../grid-state';
import { GridView, toGridView } from '../../grid-view';
import { Member } from '../../member.entity';
import { MoveGridDto } from './move-grid.dto';

export interface MoveGridCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly move: MoveGridDto;
  readonly correlationId: string;
}

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
      const constraint = violatedUniqueConstraint(error);
      if (constraint === 'grids_name_under_parent_key') throw new ConflictError('DUPLICATE_GRID_NAME', 'a grid of the same name already exists under the new parent');
      if (constraint !== null) throw new ConflictError('CONCURRENT_CHANGE', 'the district changed while the grid was being moved; retry the request');
      throw error;
    }
  }

  private async move(manager: EntityManager, { tenantId, gridId, move, correlationId }: MoveGridCommand): Promise<GridView> {
    const tenant = await manager.findOne(Tenant, { where: { tenantId }, lock: { mode: 'pessimistic_write' } });
    if (!tenant) throw new NotFoundError('TENANT_NOT_FOUND', `district ${tenantId} does not exist`);
    const grid = await manager.findOne(Grid, { where: { tenantId, id: gridId }, lock: { mode: 'pessimistic_write' } });
    if (!grid) throw gridChangeErrors.notFound(tenantId, gridId);
    if (grid.status === 'retired') throw gridChangeErrors.retired(grid);
    if (grid.parentId === move.newParentId) {
      // Already there: a retried move changes nothing.
      return toGridView(grid, await manager.findOneBy(Member, { tenantId, gridId, role: 'leader', endedAt: IsNull() }));
    }

    const parent = await manager.findOne(Grid, { where: { tenantId, id: move.newParentId }, lock: { mode: 'pessimistic_write' } });
    if (!parent || parent.status === 'retired') {
      throw new UnprocessableError('UNKNOWN_PARENT', `parent grid ${move.newParentId} does not exist in district ${tenantId}${parent ? ' (it is retired)' : ''}`, [
        { field: 'newParentId', reason: 'unknown or retired grid in this district' },
      ]);
    }
    const verdict = checkMove({ gridId: grid.id, level: grid.level }, { gridId: parent.id, level: parent.level, lineage: await lineageOf(manager, tenantId, parent.id) });
    if (!verdict.allowed) throw new UnprocessableError(verdict.code, verdict.reason, [{ field: 'newParentId', reason: verdict.reason }]);
    if (await manager.existsBy(Grid, { tenantId, parentId: parent.id, name: grid.name, status: 'active' })) {
      throw gridChangeErrors.duplicateName(grid.name, parent);
    }

    const descendants = await lockActiveDescendants(manager, tenantId, grid.id);
    const now = new Date();
    const effectiveFrom = move.effectiveFrom === undefined ? now : new Date(move.effectiveFrom);
    const earliest = await latestOpenPeriodStart(manager, tenantId, [grid.id, parent.id, ...descendants.map((d) => d.id)]);
    const dating = checkEffectiveFrom(effectiveFrom, now, earliest);
    if (!dating.allowed) throw new UnprocessableError(dating.code, dating.reason, [{ field: 'effectiveFrom', reason: dating.reason }]);

    const code = nextUnusedGridCode(parent.code, grid.level, await highestIssuedCodes(manager, tenantId, parent.code, grid.level));
    if (code === null) {
      throw new ConflictError('GRID_CODE_SPACE_FULL', `grid ${parent.name} (${parent.code}) has issued ${maxSiblings(grid.level)} codes of level '${grid.level}', the most its code allows`);
    }
    const recodes = new Map(rewriteDescendantCodes(grid.code, code, descendants.map((d) => ({ gridId: d.id, code: d.code }))).map((recode) => [recode.gridId, recode.to]));
    const from = { parentId: grid.parentId, code: grid.code };

    const leaders = await manager.findBy(Member, { tenantId, role: 'leader', endedAt: IsNull(), gridId: In([grid.id, ...descendants.map((d) => d.id)]) });
    const leaderOf = new Map(leaders.map((leader) => [leader.gridId, leader]));
    const context = EventContext.start(tenantId, correlationId);

    grid.parentId = parent.id;
    await this.recode(manager, grid, code, now, effectiveFrom, leaderOf.get(grid.id) ?? null, context);
    for (const descendant of descendants) {
      await this.recode(manager, descendant, recodes.get(descendant.id) as string, now, effectiveFrom, leaderOf.get(descendant.id) ?? null, context);
    }
    await this.outbox.add(manager, GridMoved, {
      tenantId,
      gridId: grid.id,
      level: grid.level,
      fromParentId: from.parentId as string,
      toParentId: parent.id,
      fromCode: from.code,
      toCode: code,
      descendantsRecoded: descendants.length,
      effectiveFrom: effectiveFrom.toISOString(),
    }, context);
    return toGridView(grid, leaderOf.get(grid.id) ?? null);
  }

  /** New code (and, for the moved grid, new parent): version +1, history row from `effectiveFrom`, state announced. */
  private async recode(manager: EntityManager, grid: Grid, code: string, now: Date, effectiveFrom: Date, leader: Member | null, context: EventContext): Promise<void> {
    grid.code = code;
    grid.version += 1;
    grid.updatedAt = now;
    await manager.update(Grid, { tenantId: grid.tenantId, id: grid.id }, { parentId: grid.parentId, code, version: grid.version, updatedAt: now });
    await recordGridVersion(manager, grid, effectiveFrom);
    await this.outbox.add(manager, GridStateChanged, toGridState(grid, leader), context);
  }
}
