import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EventContext, Outbox } from '@gridline/messaging';
import { GridErrors } from '../../../grids/grid-errors';
import { Grid } from '../../../grids/grid.entity';
import { boundaryFromRequest } from '../../boundary-input';
import { storeBoundary, ValidBoundary } from '../../boundary-rows';
import { sameGeometry } from '../../domain/same-geometry';
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

export interface SetValidBoundaryCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly boundary: ValidBoundary;
  readonly correlationId: string;
}

export interface BoundaryOutcome {
  readonly row: GridBoundary;
  readonly grid: Grid;
  /** false: the grid already had exactly this boundary; nothing was written or announced. */
  readonly changed: boolean;
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
    const valid = boundaryFromRequest(boundary);
    const outcome = await this.dataSource.transaction((manager) =>
      this.setWithin(manager, { tenantId, gridId, boundary: valid, correlationId }),
    );
    this.remember(outcome);
    return toBoundaryView(outcome.row);
  }

  /** After the commit: this replica's resolve index follows a changed boundary at once (read-your-writes). */
  remember({ row, grid, changed }: BoundaryOutcome): void {
    if (!changed) return;
    this.index.resolver.putGrid(gridSummaryOf(grid), grid.version);
    this.index.resolver.setBoundary(grid.tenantId, grid.id, row.geometry, row.version);
  }

  /**
   * Stores an already validated boundary inside the caller's transaction (a bulk import sets many in one), with
   * the grid row locked: the same boundary again is no change. The caller updates the resolve index after commit.
   */
  async setWithin(
    manager: EntityManager,
    { tenantId, gridId, boundary, correlationId }: SetValidBoundaryCommand,
  ): Promise<BoundaryOutcome> {
    const { geometry } = boundary;
    const grid = await manager.findOne(Grid, { where: { tenantId, id: gridId }, lock: { mode: 'pessimistic_write' } });
    if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
    const current = await manager.findOneBy(GridBoundary, { tenantId, gridId });
    if (current && sameGeometry(current.geometry, geometry)) return { row: current, grid, changed: false };
    const now = new Date();
    grid.version += 1;
    grid.updatedAt = now;
    await manager.update(Grid, { tenantId, id: gridId }, { version: grid.version, updatedAt: now });
    const row = await storeBoundary(manager, this.outbox, grid, boundary, EventContext.start(tenantId, correlationId));
    return { row, grid, changed: true };
  }
}
