import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { GridRetired } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { checkEffectiveFrom } from '../../domain/effective-dating';
import { GridErrors } from '../../grid-errors';
import { latestOpenPeriodStart } from '../../grid-history';
import { retireGridRow } from '../../grid-retirement';
import { Grid } from '../../grid.entity';
import { GridView, toGridView } from '../../grid-view';
import { Member } from '../../member.entity';
import { RetireGridCommand } from './retire-grid.command';

/**
 * Retires a grid that no longer holds anything: no active children (no orphans), no places, no boundary. It keeps
 * its row, code and history; it releases its address claims (another grid may take them) and publishes its state
 * with status 'retired' and no addresses, so replicas stop routing to it by address even if they ignore the status.
 * Retiring a retired grid again changes nothing.
 *
 * The grid row is locked: a creation or move under it locks the same row, so no child can slip in meanwhile.
 */
@Injectable()
export class RetireGridUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  execute({ tenantId, gridId, retirement, correlationId }: RetireGridCommand): Promise<GridView> {
    return this.dataSource.transaction(async (manager) => {
      const grid = await manager.findOne(Grid, {
        where: { tenantId, id: gridId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
      const leader = await manager.findOneBy(Member, { tenantId, gridId, role: 'leader', endedAt: IsNull() });
      if (grid.status === 'retired') return toGridView(grid, leader);

      const children = await manager.countBy(Grid, { tenantId, parentId: gridId, status: 'active' });
      if (children > 0) {
        throw GridErrors.GRID_HAS_CHILDREN(grid, children);
      }
      const [{ places, boundaries }] = (await manager.query(
        `SELECT (SELECT count(*)::int FROM places WHERE tenant_id = $1 AND grid_id = $2) AS places,
                (SELECT count(*)::int FROM grid_boundaries WHERE tenant_id = $1 AND grid_id = $2) AS boundaries`,
        [tenantId, gridId],
      )) as Array<{ places: number; boundaries: number }>;
      if (places > 0) throw GridErrors.GRID_HAS_PLACES(grid, places);
      if (boundaries > 0) throw GridErrors.GRID_HAS_BOUNDARY(grid);

      const now = new Date();
      const effectiveFrom = retirement.effectiveFrom === undefined ? now : new Date(retirement.effectiveFrom);
      // Not before its own last change, nor before its last child retired.
      const dating = checkEffectiveFrom(
        effectiveFrom,
        now,
        await latestOpenPeriodStart(manager, tenantId, [gridId], true),
      );
      if (!dating.allowed) throw GridErrors[dating.code]({ field: 'effectiveFrom', reason: dating.reason });

      const context = EventContext.start(tenantId, correlationId);
      await retireGridRow(manager, this.outbox, grid, leader, effectiveFrom, now, context);
      await this.outbox.add(
        manager,
        GridRetired,
        { tenantId, gridId, level: grid.level, code: grid.code, effectiveFrom: effectiveFrom.toISOString() },
        context,
      );
      return toGridView(grid, leader);
    });
  }
}
