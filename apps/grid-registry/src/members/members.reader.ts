import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, IsNull } from 'typeorm';
import { districtTimeZone } from './district-time-zone';
import { shiftsOnDutyAt } from './domain/on-duty';
import { DutyRoster } from './duty-roster.entity';
import { DutyRosterView, OnDutyView, toDutyRosterView } from './duty-roster.view';
import { GridMember } from './grid-member.entity';
import { gridInDistrict } from './grid-in-district';
import { MemberErrors } from './member-errors';
import { MemberView, toMemberView } from './member-view';
import { MemberContactView, toMemberContactView } from './member-contact.view';

/** Read side of members and rosters, always scoped to one district and grid. */
@Injectable()
export class MembersReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(tenantId: string, gridId: string, includeEnded: boolean): Promise<MemberView[]> {
    const manager = this.dataSource.manager;
    await gridInDistrict(manager, tenantId, gridId);
    const where: FindOptionsWhere<GridMember> = { tenantId, gridId, ...(includeEnded ? {} : { endedAt: IsNull() }) };
    const members = await manager.find(GridMember, { where, order: { createdAt: 'ASC', id: 'ASC' } });
    return members.map(toMemberView);
  }

  /** One member's contact, ended ones included (their phone until erased). */
  async contact(tenantId: string, gridId: string, memberId: string): Promise<MemberContactView> {
    const manager = this.dataSource.manager;
    await gridInDistrict(manager, tenantId, gridId);
    const member = await manager.findOneBy(GridMember, { tenantId, gridId, id: memberId });
    if (!member) throw MemberErrors.MEMBER_NOT_FOUND(tenantId, gridId, memberId);
    return toMemberContactView(member);
  }

  async roster(tenantId: string, gridId: string): Promise<DutyRosterView> {
    const manager = this.dataSource.manager;
    await gridInDistrict(manager, tenantId, gridId);
    const roster = await manager.findOneBy(DutyRoster, { tenantId, gridId });
    return toDutyRosterView(gridId, roster, await districtTimeZone(manager, tenantId));
  }

  /**
   * Who is on duty at an instant, read in the district's current zone. Only active members count: a leader
   * replaced through `PUT …/leader` loses their row without the roster being told, so the roster is joined
   * with the members still serving.
   */
  async onDuty(tenantId: string, gridId: string, at: Date): Promise<OnDutyView> {
    const manager = this.dataSource.manager;
    await gridInDistrict(manager, tenantId, gridId);
    const timeZone = await districtTimeZone(manager, tenantId);
    const roster = await manager.findOneBy(DutyRoster, { tenantId, gridId });
    const running = shiftsOnDutyAt(roster?.shifts ?? [], at, timeZone);
    const ids = [...new Set(running.shifts.map((s) => s.memberId))];
    const members =
      ids.length === 0 ? [] : await manager.findBy(GridMember, { tenantId, gridId, id: In(ids), endedAt: IsNull() });
    const byId = new Map(members.map((m) => [m.id, m]));
    return {
      at: at.toISOString(),
      timeZone,
      weekday: running.at.weekday,
      localTime: running.at.time,
      onDuty: running.shifts.flatMap((shift) => {
        const member = byId.get(shift.memberId);
        return member
          ? [
              {
                memberId: member.id,
                name: member.name,
                role: member.role,
                weekday: shift.weekday,
                from: shift.from,
                to: shift.to,
              },
            ]
          : [];
      }),
    };
  }
}
