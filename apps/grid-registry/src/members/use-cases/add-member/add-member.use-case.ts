import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { ApiError } from '@gridline/platform';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { Grid } from '../../../grids/grid.entity';
import { toGridState } from '../../../grids/grid-state';
import { GridMember } from '../../grid-member.entity';
import { gridInDistrict } from '../../grid-in-district';
import { MemberErrors } from '../../member-errors';
import { announceMembership } from '../../membership-events';
import { MemberView, toMemberView } from '../../member-view';
import { AddMemberCommand } from './add-member.command';

/**
 * Adds a person to a grid in one role and announces them: public state (no phone; a name for leaders and
 * workers only) and internal contacts, in the same transaction. A grid has at most one active leader: a second
 * is 409 LEADER_EXISTS (replacing one is `PUT …/grids/:gridId/leader`). A first leader added here also becomes
 * the grid's leader in its published state, so the grid's version goes up as `PUT …/leader` would do.
 */
@Injectable()
export class AddMemberUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: AddMemberCommand): Promise<MemberView> {
    return toMemberView(await this.dataSource.transaction((manager) => this.addWithin(manager, command)));
  }

  /**
   * The addition itself inside the caller's transaction, so a bulk import adds each of its members exactly as
   * this endpoint does (same leader rule, same events) and commits them all or none.
   */
  async addWithin(
    manager: EntityManager,
    { tenantId, gridId, member: toAdd, correlationId }: AddMemberCommand,
  ): Promise<GridMember> {
    try {
      const grid = await gridInDistrict(manager, tenantId, gridId, true);
      if (
        toAdd.role === 'leader' &&
        (await manager.existsBy(GridMember, { tenantId, gridId, role: 'leader', endedAt: IsNull() }))
      )
        throw leaderExists(grid);

      const now = new Date();
      const member = manager.create(GridMember, {
        id: randomUUID(),
        tenantId,
        gridId,
        name: toAdd.name,
        phone: toAdd.phone ?? null,
        role: toAdd.role,
        note: toAdd.note ?? null,
        version: 1,
        createdAt: now,
        endedAt: null,
      });
      await manager.insert(GridMember, member);
      const context = EventContext.start(tenantId, correlationId);
      await announceMembership(manager, this.outbox, member, context);

      if (member.role === 'leader') {
        grid.version += 1;
        grid.updatedAt = now;
        await manager.update(Grid, { tenantId, id: gridId }, { version: grid.version, updatedAt: now });
        await this.outbox.add(
          manager,
          GridStateChanged,
          { ...toGridState(grid, null), leader: { memberId: member.id, name: member.name } },
          context,
        );
      }
      return member;
    } catch (error) {
      // The grid row lock serialises additions; this only guards against a writer that skipped it.
      if (violatedUniqueConstraint(error) === 'members_one_leader_per_grid_key') {
        throw MemberErrors.LEADER_EXISTS(gridId);
      }
      throw error;
    }
  }
}

function leaderExists(grid: Grid): ApiError {
  return MemberErrors.LEADER_EXISTS(grid);
}
