import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DutyRosterChanged, MemberContactsChanged, MemberStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { ConflictError, NotFoundError } from '@gridline/platform';
import { DutyRoster } from '../../duty-roster.entity';
import { GridMember } from '../../grid-member.entity';
import { gridInDistrict } from '../../grid-in-district';
import { toMemberContacts, toMemberState } from '../../member-state';
import { MemberView, toMemberView } from '../../member-view';

export interface EndMembershipCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly memberId: string;
  readonly correlationId: string;
}

/**
 * Ends a membership without deleting it: the row keeps name, role and dates (history), its phone is dropped
 * (no longer needed to reach them), and the member's shifts leave the grid's roster. Public state, contacts
 * (now without phone) and, if shifts were removed, the roster are republished in the same transaction.
 * Ending an ended membership again answers the same and emits nothing.
 *
 * A leader is not removed here: the grid's published state names its leader, and `PUT …/leader` is the one
 * place that changes it (409 LEADER_MUST_BE_REPLACED).
 */
@Injectable()
export class EndMembershipUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  execute({ tenantId, gridId, memberId, correlationId }: EndMembershipCommand): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      await gridInDistrict(manager, tenantId, gridId, true);
      const member = await manager.findOneBy(GridMember, { tenantId, gridId, id: memberId });
      if (!member) throw new NotFoundError('MEMBER_NOT_FOUND', `member ${memberId} is not a member of grid ${gridId} in district ${tenantId}`);
      if (member.endedAt !== null) return toMemberView(member);
      if (member.role === 'leader') {
        throw new ConflictError('LEADER_MUST_BE_REPLACED', `${member.name} leads grid ${gridId}; a leader is replaced with PUT …/grids/${gridId}/leader, not removed`);
      }

      const now = new Date();
      member.endedAt = now;
      member.phone = null;
      member.version += 1;
      await manager.update(GridMember, { tenantId, id: memberId }, { endedAt: now, phone: null, version: member.version });
      const context = EventContext.start(tenantId, correlationId);
      await this.outbox.add(manager, MemberStateChanged, toMemberState(member), context);
      await this.outbox.add(manager, MemberContactsChanged, toMemberContacts(member), context);

      const roster = await manager.findOne(DutyRoster, { where: { tenantId, gridId }, lock: { mode: 'pessimistic_write' } });
      const kept = roster?.shifts.filter((shift) => shift.memberId !== memberId) ?? [];
      if (roster && kept.length !== roster.shifts.length) {
        roster.shifts = kept;
        roster.version += 1;
        roster.updatedAt = now;
        await manager.save(DutyRoster, roster);
        await this.outbox.add(manager, DutyRosterChanged, { tenantId, gridId, timeZone: roster.timeZone, shifts: kept, version: roster.version }, context);
      }
      return toMemberView(member);
    });
  }
}
