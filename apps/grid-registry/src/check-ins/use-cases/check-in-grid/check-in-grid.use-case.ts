import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GridCheckedIn } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { violatedUniqueConstraint } from '../../../database/unique-violation';
import { Grid } from '../../../grids/grid.entity';
import { Member } from '../../../grids/member.entity';
import { CheckIn } from '../../check-in.entity';
import { CheckInDayClosing } from '../../check-in-day-closing.entity';
import { CheckInView, toCheckInView } from '../../check-in.view';
import {
  checkCheckInDate,
  CheckInContent,
  checkMatters,
  CheckInRefusal,
  sameCheckIn,
} from '../../domain/check-in-rules';
import { cutoffHasPassed } from '../../domain/cutoff';
import { DEFAULT_TIME_ZONE } from '../../domain/zero-report-policy';
import { localDateAt } from '@gridline/calendar';
import { ZeroReportPolicy } from '../../zero-report-policy.entity';
import { CheckInGridCommand, GridCheckIn } from './check-in-grid.command';
import { requireDistrict } from '../../../tenants/require-district';
import { GridErrors } from '../../../grids/grid-errors';
import { CheckInErrors } from '../../check-in-errors';

const CHECK_IN_UNIQUE = 'check_ins_one_per_grid_and_day_key';

/**
 * Records a grid's daily check-in and emits GridCheckedIn, in one transaction.
 *
 * The district's policy row is read FOR KEY SHARE, which the cut-off's FOR UPDATE waits for (and vice versa),
 * so a check-in either commits before the cut-off looks for missing grids, or sees the day closed and is refused.
 * One check-in per grid and day: an exact repeat (a retried request) gets the first one back and emits nothing;
 * anything else is 409 ALREADY_CHECKED_IN.
 */
@Injectable()
export class CheckInGridUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(command: CheckInGridCommand): Promise<CheckInView> {
    try {
      return await this.dataSource.transaction((manager) => this.checkIn(manager, command));
    } catch (error) {
      if (violatedUniqueConstraint(error) !== CHECK_IN_UNIQUE) throw error;
      // A concurrent check-in of the same grid won the race: answer as if this one had come second.
      return this.dataSource.transaction((manager) => this.checkIn(manager, command));
    }
  }

  private async checkIn(
    manager: EntityManager,
    { tenantId, gridId, checkIn: submitted, recordedBy, correlationId, now = new Date() }: CheckInGridCommand,
  ): Promise<CheckInView> {
    await requireDistrict(manager, tenantId);
    const grid = await manager.findOneBy(Grid, { tenantId, id: gridId });
    if (!grid) throw GridErrors.GRID_NOT_FOUND(tenantId, gridId);
    refuse(checkMatters(submitted.nothingToReport, submitted.matters));

    const policy = await manager.findOne(ZeroReportPolicy, { where: { tenantId }, lock: { mode: 'for_key_share' } });
    const today = localDateAt(now, policy?.timeZone ?? DEFAULT_TIME_ZONE);
    const date = submitted.date ?? today;
    const closed =
      (policy !== null && policy.enabled && cutoffHasPassed(now, today, policy)) ||
      (await manager.existsBy(CheckInDayClosing, { tenantId, date: today }));
    refuse(checkCheckInDate({ date, today, closed }));

    const content: CheckInContent = {
      nothingToReport: submitted.nothingToReport,
      matters: (submitted.matters ?? []).map((m) => ({ category: m.category ?? null, description: m.description })),
      reportedBy: await this.reporter(manager, tenantId, submitted),
    };
    const existing = await manager.findOneBy(CheckIn, { tenantId, gridId, date });
    if (existing) {
      const previous: CheckInContent = {
        nothingToReport: existing.nothingToReport,
        matters: existing.matters,
        reportedBy: { memberId: existing.reportedByMemberId, name: existing.reportedByName },
      };
      if (sameCheckIn(previous, content)) return toCheckInView(existing);
      throw CheckInErrors.ALREADY_CHECKED_IN(grid, date, existing.checkedInAt);
    }

    const record = manager.create(CheckIn, {
      id: randomUUID(),
      tenantId,
      gridId,
      date,
      nothingToReport: content.nothingToReport,
      matters: [...content.matters],
      reportedByMemberId: content.reportedBy.memberId,
      reportedByName: content.reportedBy.name,
      recordedBy,
      checkedInAt: now,
    });
    await manager.insert(CheckIn, record);
    await this.outbox.add(
      manager,
      GridCheckedIn,
      { tenantId, gridId, date, nothingToReport: content.nothingToReport, matterCount: content.matters.length },
      EventContext.start(tenantId, correlationId),
    );
    return toCheckInView(record);
  }

  /** A member id must name a member of this district; their name is kept with the check-in when none is given. */
  private async reporter(
    manager: EntityManager,
    tenantId: string,
    submitted: GridCheckIn,
  ): Promise<CheckInContent['reportedBy']> {
    const memberId = submitted.reportedBy.memberId ?? null;
    if (memberId === null) return { memberId: null, name: submitted.reportedBy.name ?? null };
    const member = await manager.findOneBy(Member, { tenantId, id: memberId });
    if (!member) {
      throw CheckInErrors.UNKNOWN_MEMBER(tenantId, memberId);
    }
    return { memberId, name: submitted.reportedBy.name ?? member.name };
  }
}

function refuse(refusal: CheckInRefusal | null): void {
  if (refusal) throw CheckInErrors[refusal.code](refusal);
}
