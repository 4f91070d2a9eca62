import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ServiceAttendanceRecorded, ServiceCheckedIn, ServiceShiftCompleted } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { HoursLedger } from '../../../hours/hours-ledger';
import { attendedMinutes, checkInRefusal, checkOutRefusal, hoursOf } from '../../domain/occurrence-clock';
import { OccurrenceAccess, SignUpActionCommand } from '../../occurrence-access';
import { ServiceEventErrors } from '../../service-event-errors';
import { OccurrencePool } from '../../service-occurrence.entity';
import { ServiceSignUp } from '../../service-sign-up.entity';
import { SignUpView, toSignUpView } from '../../service-event.views';

/**
 * Check-in and check-out of a confirmed participant (by grid staff at the door, or a resident themselves).
 * Check-out records attendance in minutes within the event's hours; for a volunteer's shift it also announces
 * the hours (ServiceShiftCompleted) and hands that same payload to the hours ledger (another feature) in the same
 * transaction: attendance, ledger entry and both events commit together or not at all (ADR 0020).
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: OccurrenceAccess,
    private readonly ledger: HoursLedger,
  ) {}

  async checkIn({
    tenantId,
    occurrenceId,
    signUpId,
    identity,
    correlationId,
  }: SignUpActionCommand): Promise<SignUpView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    await this.access.signUp(identity, occurrence, signUpId);
    const now = new Date();
    const refusal = checkInRefusal(occurrence, now);
    if (refusal) throw ServiceEventErrors.CHECK_IN_CLOSED(refusal);
    return this.dataSource.transaction(async (manager) => {
      const signUp = await manager.findOneOrFail(ServiceSignUp, {
        where: { id: signUpId },
        lock: { mode: 'pessimistic_write' },
      });
      if (signUp.status !== 'confirmed') throw ServiceEventErrors.NOT_CONFIRMED(signUpId, signUp.status);
      if (signUp.checkedInAt !== null) throw ServiceEventErrors.ALREADY_CHECKED_IN(signUpId, signUp.checkedInAt);
      await manager.update(ServiceSignUp, { id: signUpId }, { checkedInAt: now });
      const pool = await manager.findOneByOrFail(OccurrencePool, { id: signUp.poolId });
      await this.outbox.add(
        manager,
        ServiceCheckedIn,
        { signUpId, occurrenceId, tenantId, role: signUp.role, pool: pool.name, checkedInAt: now.toISOString() },
        EventContext.start(tenantId, correlationId),
      );
      return toSignUpView({ ...signUp, checkedInAt: now }, pool.name, null);
    });
  }

  async checkOut({
    tenantId,
    occurrenceId,
    signUpId,
    identity,
    correlationId,
  }: SignUpActionCommand): Promise<SignUpView> {
    const occurrence = await this.access.occurrence(tenantId, occurrenceId);
    await this.access.signUp(identity, occurrence, signUpId);
    const now = new Date();
    return this.dataSource.transaction(async (manager) => {
      const signUp = await manager.findOneOrFail(ServiceSignUp, {
        where: { id: signUpId },
        lock: { mode: 'pessimistic_write' },
      });
      if (signUp.checkedInAt === null) throw ServiceEventErrors.NOT_CHECKED_IN(signUpId);
      if (signUp.checkedOutAt !== null) throw ServiceEventErrors.ALREADY_CHECKED_OUT(signUpId, signUp.checkedOutAt);
      const refusal = checkOutRefusal(occurrence, signUp.checkedInAt, now);
      if (refusal) throw ServiceEventErrors.CHECK_OUT_CLOSED(refusal);
      const minutes = attendedMinutes(occurrence, signUp.checkedInAt, now);
      await manager.update(ServiceSignUp, { id: signUpId }, { checkedOutAt: now, attendedMinutes: minutes });
      const pool = await manager.findOneByOrFail(OccurrencePool, { id: signUp.poolId });
      const context = EventContext.start(tenantId, correlationId);
      const times = { checkedInAt: signUp.checkedInAt.toISOString(), checkedOutAt: now.toISOString() };
      await this.outbox.add(
        manager,
        ServiceAttendanceRecorded,
        {
          signUpId,
          occurrenceId,
          tenantId,
          gridId: occurrence.gridId,
          role: signUp.role,
          pool: pool.name,
          ...times,
          minutes,
        },
        context,
      );
      if (signUp.volunteerId !== null) {
        const shift = {
          signUpId,
          occurrenceId,
          seriesId: occurrence.seriesId,
          tenantId,
          volunteerId: signUp.volunteerId,
          skill: pool.name,
          gridId: occurrence.gridId,
          date: occurrence.localDate,
          minutes,
          hours: hoursOf(minutes),
          ...times,
        };
        await this.outbox.add(manager, ServiceShiftCompleted, shift, context);
        await this.ledger.creditServiceShift(manager, shift, identity.subject, context);
      }
      return toSignUpView({ ...signUp, checkedOutAt: now, attendedMinutes: minutes }, pool.name, null);
    });
  }
}
