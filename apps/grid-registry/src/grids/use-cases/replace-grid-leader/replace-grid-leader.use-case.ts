import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { GridStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { Grid } from '../../grid.entity';
import { toGridState } from '../../grid-state';
import { GridView, toGridView } from '../../grid-view';
import { GridErrors } from '../../grid-errors';
import { Member } from '../../member.entity';
import { announceMembership, dropRosterShifts, endMembershipRow } from '../../../members/membership-events';
import { ReplaceGridLeaderCommand } from './replace-grid-leader.command';
import { MemberContactErasure } from '../../../members/member-contact-erasure';

/**
 * Puts a new leader at the head of a grid. The grid row is locked, the previous leader's membership ends (their
 * phone kept for the district's retention period, then erased), the new leader gets a new member id, the grid's version goes up and the new state is
 * announced — all in one transaction.
 *
 * Sending the current leader's name again is not a new leader: it changes no published state, so it bumps no
 * version and emits nothing (a retried PUT is harmless); a different phone is just stored.
 */
@Injectable()
export class ReplaceGridLeaderUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly contactErasure: MemberContactErasure,
  ) {}

  async execute({ tenantId, gridId, leader: newLeader, correlationId }: ReplaceGridLeaderCommand): Promise<GridView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const grid = await manager.findOne(Grid, {
          where: { tenantId, id: gridId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
        const phone = newLeader.phone ?? null;
        const current = await manager.findOneBy(Member, { tenantId, gridId, role: 'leader', endedAt: IsNull() });

        if (current && current.name === newLeader.name) {
          if (current.phone !== phone) await manager.update(Member, { tenantId, id: current.id }, { phone });
          return toGridView(grid, current);
        }

        const now = new Date();
        const context = EventContext.start(tenantId, correlationId);
        // The previous leader's membership ends (the row stays as history; the phone until the retention period ends) and leaves the roster.
        if (current) {
          await endMembershipRow(manager, this.outbox, current, now, context, this.contactErasure);
          await dropRosterShifts(manager, this.outbox, tenantId, gridId, now, context, current.id);
        }
        const leader = manager.create(Member, {
          id: randomUUID(),
          tenantId,
          gridId,
          name: newLeader.name,
          phone,
          role: 'leader',
          note: null,
          version: 1,
          createdAt: now,
          endedAt: null,
        });
        await manager.insert(Member, leader);
        await announceMembership(manager, this.outbox, leader, context);
        grid.version += 1;
        grid.updatedAt = now;
        await manager.update(Grid, { tenantId, id: gridId }, { version: grid.version, updatedAt: now });
        await this.outbox.add(manager, GridStateChanged, toGridState(grid, leader), context);
        return toGridView(grid, leader);
      });
    } catch (error) {
      // The grid row lock serialises leader changes; this only guards against a writer that skipped it.
      if (violatedUniqueConstraint(error) === 'members_one_leader_per_grid_key') {
        throw GridErrors.CONCURRENT_CHANGE({ leaderOfGrid: gridId });
      }
      throw error;
    }
  }
}
