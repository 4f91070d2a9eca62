import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DutyRosterChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { districtTimeZone } from '../../district-time-zone';
import { checkRoster } from '../../domain/duty-roster-rules';
import { sameShifts, sortShifts } from '../../domain/weekly-shift';
import { DutyRoster } from '../../duty-roster.entity';
import { DutyRosterView, toDutyRosterView } from '../../duty-roster.view';
import { GridMember } from '../../grid-member.entity';
import { gridInDistrict } from '../../grid-in-district';
import { MemberErrors } from '../../member-errors';
import { SetDutyRosterCommand } from './set-duty-roster.command';

/**
 * Replaces a grid's weekly roster after checking it against the grid's active members (`checkRoster`), under
 * the grid row lock that ending a membership also takes, so a shift never outlives its member's membership.
 * The same shifts again (in any order, same zone) change nothing and emit nothing; otherwise the version goes
 * up and the whole roster is published, keyed by grid id.
 */
@Injectable()
export class SetDutyRosterUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  execute({ tenantId, gridId, roster: requested, correlationId }: SetDutyRosterCommand): Promise<DutyRosterView> {
    return this.dataSource.transaction(async (manager) => {
      await gridInDistrict(manager, tenantId, gridId, true);
      const active = await manager.find(GridMember, {
        where: { tenantId, gridId, endedAt: IsNull() },
        select: { id: true },
      });
      const refusal = checkRoster(requested.shifts, new Set(active.map((m) => m.id)));
      if (refusal) throw MemberErrors[refusal.code](refusal);

      const timeZone = await districtTimeZone(manager, tenantId);
      const shifts = sortShifts(requested.shifts);
      const current = await manager.findOneBy(DutyRoster, { tenantId, gridId });
      if (current && current.timeZone === timeZone && sameShifts(current.shifts, shifts))
        return toDutyRosterView(gridId, current, timeZone);

      const roster = manager.create(DutyRoster, {
        tenantId,
        gridId,
        timeZone,
        shifts,
        version: (current?.version ?? 0) + 1,
        updatedAt: new Date(),
      });
      await manager.save(DutyRoster, roster);
      await this.outbox.add(
        manager,
        DutyRosterChanged,
        { tenantId, gridId, timeZone, shifts, version: roster.version },
        EventContext.start(tenantId, correlationId),
      );
      return toDutyRosterView(gridId, roster, timeZone);
    });
  }
}
