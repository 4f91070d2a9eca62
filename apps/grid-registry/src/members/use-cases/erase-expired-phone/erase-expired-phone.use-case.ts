import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { shouldErase } from '@gridline/personal-data';
import { DurableTimer, TimerPoller } from '@gridline/scheduling';
import { GridMember } from '../../grid-member.entity';
import { MemberContactErasure } from '../../member-contact-erasure';
import { MEMBER_PHONE_ERASURE_TIMER, MemberPhoneErasurePayload } from '../../member-contact-timer';

/**
 * Runs when an ended membership's retention period passes. Inside the timer's transaction it re-reads the member
 * under a row lock and erases the phone only if the membership is still ended by the ending the timer was set
 * for; the member row stays as history and the phone-less contacts record goes out in the same transaction.
 */
@Injectable()
export class EraseExpiredPhoneUseCase implements OnModuleInit {
  constructor(
    private readonly poller: TimerPoller,
    private readonly erasure: MemberContactErasure,
  ) {}

  onModuleInit(): void {
    this.poller.register(MEMBER_PHONE_ERASURE_TIMER, (timer, manager) => this.onDue(timer, manager));
  }

  async onDue(timer: DurableTimer, manager: EntityManager): Promise<void> {
    const { endedAt } = timer.payload as MemberPhoneErasurePayload;
    const member = await manager.findOne(GridMember, {
      where: { id: timer.aggregateId, tenantId: timer.tenantId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!member) return;
    if (
      !shouldErase({
        scheduledFor: new Date(endedAt),
        currentlyFor: member.endedAt,
        alreadyErased: member.phone === null,
      })
    )
      return;
    await this.erasure.erase(manager, member, new Date());
  }
}
