import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventContext, Outbox } from '@gridline/messaging';
import { GridErrors } from '../../../grids/grid-errors';
import { Grid } from '../../../grids/grid.entity';
import { dropBoundary } from '../../boundary-rows';
import { GridBoundary } from '../../grid-boundary.entity';
import { LocationIndex } from '../../location-index';

export interface RemoveGridBoundaryCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly correlationId: string;
}

/**
 * Removes a grid's boundary: the grid then resolves only by address. Bumps the grid's version and announces a
 * null boundary (a tombstone replicas apply like any newer state). Removing a boundary that is not there
 * changes nothing and emits nothing, so a retried DELETE is harmless.
 */
@Injectable()
export class RemoveGridBoundaryUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly index: LocationIndex,
  ) {}

  async execute({ tenantId, gridId, correlationId }: RemoveGridBoundaryCommand): Promise<void> {
    const version = await this.dataSource.transaction(async (manager) => {
      const grid = await manager.findOne(Grid, {
        where: { tenantId, id: gridId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
      if (!(await manager.existsBy(GridBoundary, { tenantId, gridId }))) return null;
      const now = new Date();
      grid.version += 1;
      grid.updatedAt = now;
      await manager.update(Grid, { tenantId, id: gridId }, { version: grid.version, updatedAt: now });
      await dropBoundary(manager, this.outbox, grid, EventContext.start(tenantId, correlationId));
      return grid.version;
    });
    if (version !== null) this.index.resolver.removeBoundary(tenantId, gridId, version);
  }
}
