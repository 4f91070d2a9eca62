import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventContext, Outbox } from '@gridline/messaging';
import { NotFoundError } from '@gridline/platform';
import { Grid } from '../../../grids/grid.entity';
import { boundaryFromRequest } from '../../boundary-input';
import { storeBoundary } from '../../boundary-rows';
import { BoundaryView, toBoundaryView } from '../../boundary-view';
import { GridBoundary } from '../../grid-boundary.entity';
import { gridSummaryOf } from '../../grid-summary';
import { LocationIndex } from '../../location-index';

export interface SetGridBoundaryCommand {
  readonly tenantId: string;
  readonly gridId: string;
  /** The request body as received; validated here. */
  readonly boundary: unknown;
  readonly correlationId: string;
}

/**
 * Draws or redraws a grid's boundary. The geometry is validated before anything is touched; then, in one
 * transaction with the grid row locked, the boundary is stored, the grid's version goes up and
 * GridBoundaryChanged is written to the outbox. The same boundary again is not a change: no version, no event.
 * After the commit the in-memory resolve index follows.
 */
@Injectable()
export class SetGridBoundaryUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly index: LocationIndex,
  ) {}

  async execute({ tenantId, gridId, boundary, correlationId }: SetGridBoundaryCommand): Promise<BoundaryView> {
    const { geometry, bbox, positions } = boundaryFromRequest(boundary);

    const outcome = await this.dataSource.transaction(async (manager) => {
      const grid = await manager.findOne(Grid, { where: { tenantId, id: gridId }, lock: { mode: 'pessimistic_write' } });
      if (!grid) throw new NotFoundError('GRID_NOT_FOUND', `grid ${gridId} does not exist in district ${tenantId}`);
      const current = await manager.findOneBy(GridBoundary, { tenantId, gridId });
      if (current && current.geometry.type === geometry.type && JSON.stringify(current.geometry.coordinates) === JSON.stringify(geometry.coordinates)) {
        return { row: current, grid, changed: false };
      }
      const now = new Date();
      grid.version += 1;
      grid.updatedAt = now;
      await manager.update(Grid, { tenantId, id: gridId }, { version: grid.version, updatedAt: now });
      const row = await storeBoundary(manager, this.outbox, grid, { geometry, bbox, positions }, EventContext.start(tenantId, correlationId));
      return { row, grid, changed: true };
    });

    if (outcome.changed) {
      this.index.resolver.putGrid(gridSummaryOf(outcome.grid), outcome.grid.version);
      this.index.resolver.setBoundary(tenantId, gridId, geometry, outcome.row.version);
    }
    return toBoundaryView(outcome.row);
  }
}
