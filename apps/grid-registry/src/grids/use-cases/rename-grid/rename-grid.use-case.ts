import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { GridErrors } from '../../grid-errors';
import { recordGridVersion } from '../../grid-history';
import { Grid } from '../../grid.entity';
import { toGridState } from '../../grid-state';
import { GridView, toGridView } from '../../grid-view';
import { Member } from '../../member.entity';
import { RenameGridCommand } from './rename-grid.command';

/**
 * Renames a grid: the row is locked, the name checked against its active siblings, the version bumped, a history
 * row opened and the new state announced, in one transaction. The same name again (or no name) changes nothing
 * and announces nothing, so a retried PATCH is harmless. The code does not change: it encodes ancestors, not names.
 */
@Injectable()
export class RenameGridUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute({ tenantId, gridId, changes, correlationId }: RenameGridCommand): Promise<GridView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const grid = await manager.findOne(Grid, {
          where: { tenantId, id: gridId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
        const leader = await manager.findOneBy(Member, { tenantId, gridId, role: 'leader', endedAt: IsNull() });
        if (changes.name === undefined || changes.name === grid.name) return toGridView(grid, leader);
        if (grid.status === 'retired') throw GridErrors.GRID_RETIRED(grid);

        const siblings = {
          tenantId,
          parentId: grid.parentId ?? IsNull(),
          name: changes.name,
          status: 'active' as const,
          id: Not(grid.id),
        };
        if (await manager.existsBy(Grid, siblings)) {
          const parent = grid.parentId ? await manager.findOneBy(Grid, { tenantId, id: grid.parentId }) : null;
          throw GridErrors.DUPLICATE_GRID_NAME({ name: changes.name, parent });
        }
        const now = new Date();
        grid.name = changes.name;
        grid.version += 1;
        grid.updatedAt = now;
        await manager.update(
          Grid,
          { tenantId, id: gridId },
          { name: grid.name, version: grid.version, updatedAt: now },
        );
        await recordGridVersion(manager, grid, now);
        await this.outbox.add(
          manager,
          GridStateChanged,
          toGridState(grid, leader),
          EventContext.start(tenantId, correlationId),
        );
        return toGridView(grid, leader);
      });
    } catch (error) {
      // Two siblings renamed to one name at once: the partial unique index decides, with the same 409.
      if (violatedUniqueConstraint(error) === 'grids_name_under_parent_key') {
        throw GridErrors.DUPLICATE_GRID_NAME({ name: String(changes.name), underSameParent: true });
      }
      throw error;
    }
  }
}
