import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventContext, Outbox } from '@gridline/messaging';
import { GridMember } from '../../grid-member.entity';
import { gridInDistrict } from '../../grid-in-district';
import { MemberErrors } from '../../member-errors';
import { dropRosterShifts, endMembershipRow } from '../../membership-events';
import { MemberView, toMemberView } from '../../member-view';
import { MemberContactErasure } from '../../member-contact-erasure';

export interface EndMembershipCommand {
  readonly tenantId: string;
  readonly gridId: string;
  readonly memberId: string;
  readonly correlationId: string;
}

/**
 * Ends a membership without deleting it: the row keeps name, role and dates (history), its phone stays for the
 * district's retention period (a timer then erases it), and the member's shifts leave the grid's roster. Public
 * state, contacts and, if shifts were removed, the roster are republished in the same transaction.
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
    private readonly contactErasure: MemberContactErasure,
  ) {}

  execute({ tenantId, gridId, memberId, correlationId }: EndMembershipCommand): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      await gridInDistrict(manager, tenantId, gridId, true);
      const member = await manager.findOneBy(GridMember, { tenantId, gridId, id: memberId });
      if (!member) throw MemberErrors.MEMBER_NOT_FOUND(tenantId, gridId, memberId);
      if (member.endedAt !== null) return toMemberView(member);
      if (member.role === 'leader') {
        throw MemberErrors.LEADER_MUST_BE_REPLACED(member.name, gridId);
      }

      const now = new Date();
      const context = EventContext.start(tenantId, correlationId);
      await endMembershipRow(manager, this.outbox, member, now, context, this.contactErasure);
      await dropRosterShifts(manager, this.outbox, tenantId, gridId, now, context, memberId);
      return toMemberView(member);
    });
  }
}
