import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type EventData, HoursCredited, ServiceShiftCompleted } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { Volunteer } from '../volunteers/volunteer.entity';
import { correctionProblem, hoursOfMinutes } from './domain/service-minutes';
import { HoursEntry } from './hours-entry.entity';
import { HoursErrors } from './hours-errors';

export interface TaskCredit {
  readonly tenantId: string;
  readonly volunteerId: string;
  readonly minutes: number;
  readonly taskId: string;
  readonly offerId: string;
  readonly issueId: string | null;
  readonly gridId: string;
  readonly occurredAt: Date;
  readonly recordedBy: string;
}

/** A volunteer's completed service-event shift, exactly as ServiceShiftCompleted announces it. */
export type ShiftCredit = EventData<typeof ServiceShiftCompleted>;

interface EarnedHours {
  readonly tenantId: string;
  readonly volunteerId: string;
  readonly minutes: number;
  readonly gridId: string;
  readonly occurredAt: Date;
  readonly recordedBy: string;
}

/** What earned the hours: an offer of a task (for an issue or a request) or a service-event shift. */
type CreditSource = Pick<HoursEntry, 'kind'> &
  Partial<Pick<HoursEntry, 'taskId' | 'offerId' | 'issueId' | 'signUpId' | 'occurrenceId'>>;

export interface Correction {
  readonly tenantId: string;
  readonly volunteerId: string;
  readonly minutes: number;
  readonly reason: string;
  readonly correctsEntryId: string | null;
  readonly recordedBy: string;
}

/**
 * Appends to the hours ledger and announces each entry (HoursCredited, public: no reason text). Entries are
 * never changed; corrections are entries of their own and may not take a volunteer's total below zero, checked
 * under a lock on the volunteer so two corrections at once cannot both pass.
 */
@Injectable()
export class HoursLedger {
  constructor(private readonly outbox: Outbox) {}

  async creditTask(manager: EntityManager, credit: TaskCredit, context: EventContext): Promise<HoursEntry> {
    return this.credit(
      manager,
      credit,
      { kind: 'task', taskId: credit.taskId, offerId: credit.offerId, issueId: credit.issueId },
      context,
    );
  }

  /**
   * Credits a completed service-event shift, taking the ServiceShiftCompleted payload in the transaction that
   * announces it (the check-out's), so the hours and the attendance commit together. The sign-up is the source:
   * it is credited once (a second credit of the same sign-up is refused by a UNIQUE index and rolls back). A shift
   * with no minutes inside the event's hours credits nothing (entries are never zero).
   */
  async creditServiceShift(
    manager: EntityManager,
    shift: ShiftCredit,
    recordedBy: string,
    context: EventContext,
  ): Promise<HoursEntry | null> {
    if (shift.minutes === 0) return null;
    const credit = { ...shift, occurredAt: new Date(shift.checkedOutAt), recordedBy };
    return this.credit(
      manager,
      credit,
      { kind: 'service-shift', signUpId: shift.signUpId, occurrenceId: shift.occurrenceId },
      context,
    );
  }

  async correct(manager: EntityManager, correction: Correction, context: EventContext): Promise<HoursEntry> {
    const volunteer = await manager.findOne(Volunteer, {
      where: { tenantId: correction.tenantId, id: correction.volunteerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!volunteer) throw HoursErrors.UNKNOWN_VOLUNTEER(correction.tenantId, correction.volunteerId);
    let corrected: HoursEntry | null = null;
    if (correction.correctsEntryId !== null) {
      corrected = await manager.findOneBy(HoursEntry, {
        tenantId: correction.tenantId,
        id: correction.correctsEntryId,
      });
      if (!corrected || corrected.volunteerId !== volunteer.id) {
        throw HoursErrors.UNKNOWN_ENTRY(correction.correctsEntryId, volunteer.id);
      }
    }
    const [{ total }]: Array<{ total: number }> = await manager.query(
      `SELECT coalesce(sum(minutes), 0)::int AS total FROM hours_entries WHERE tenant_id = $1 AND volunteer_id = $2`,
      [correction.tenantId, volunteer.id],
    );
    const problem = correctionProblem(total, correction.minutes);
    if (problem) throw HoursErrors.CORRECTION_NOT_ALLOWED(problem);
    return this.append(
      manager,
      {
        tenantId: correction.tenantId,
        volunteerId: volunteer.id,
        minutes: correction.minutes,
        kind: 'correction',
        taskId: corrected?.taskId ?? null,
        offerId: null,
        issueId: corrected?.issueId ?? null,
        signUpId: null,
        occurrenceId: corrected?.occurrenceId ?? null,
        correctsEntryId: corrected?.id ?? null,
        reason: correction.reason,
        // Hours taken off an entry come off where they were given; a loose correction books on the home grid.
        gridId: corrected?.gridId ?? volunteer.homeGridId,
        teamId: corrected?.teamId ?? volunteer.teamId,
        occurredAt: corrected?.occurredAt ?? new Date(),
        recordedBy: correction.recordedBy,
      },
      context,
    );
  }

  /** Hours earned (a task or a shift), booked on the volunteer's team at the time; the source names what earned them. */
  private async credit(
    manager: EntityManager,
    credit: EarnedHours,
    source: CreditSource,
    context: EventContext,
  ): Promise<HoursEntry> {
    const volunteer = await manager.findOneByOrFail(Volunteer, { tenantId: credit.tenantId, id: credit.volunteerId });
    return this.append(
      manager,
      {
        taskId: null,
        offerId: null,
        issueId: null,
        signUpId: null,
        occurrenceId: null,
        ...source,
        tenantId: credit.tenantId,
        volunteerId: credit.volunteerId,
        minutes: credit.minutes,
        correctsEntryId: null,
        reason: null,
        gridId: credit.gridId,
        teamId: volunteer.teamId,
        occurredAt: credit.occurredAt,
        recordedBy: credit.recordedBy,
      },
      context,
    );
  }

  private async append(
    manager: EntityManager,
    fields: Omit<HoursEntry, 'id' | 'recordedAt'>,
    context: EventContext,
  ): Promise<HoursEntry> {
    const entry = manager.create(HoursEntry, { ...fields, id: randomUUID(), recordedAt: new Date() });
    await manager.insert(HoursEntry, entry);
    await this.outbox.add(
      manager,
      HoursCredited,
      {
        entryId: entry.id,
        tenantId: entry.tenantId,
        volunteerId: entry.volunteerId,
        hours: hoursOfMinutes(entry.minutes),
        kind: entry.kind,
        taskId: entry.taskId,
        offerId: entry.offerId,
        issueId: entry.issueId,
        occurrenceId: entry.occurrenceId,
        correctsEntryId: entry.correctsEntryId,
        gridId: entry.gridId,
        teamId: entry.teamId,
        occurredAt: entry.occurredAt.toISOString(),
      },
      context,
    );
    return entry;
  }
}
