import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventContext, Outbox } from '@gridline/messaging';
import { erasureDueAt, PersonalDataPolicies } from '@gridline/personal-data';
import { DurableTimers } from '@gridline/scheduling';
import { GridMember } from './grid-member.entity';
import { MEMBER_PHONE_ERASURE_TIMER, MemberPhoneErasurePayload } from './member-contact-timer';
import { announceMembership } from './membership-events';

/**
 * A member's phone after their membership ends: kept for the district's retention period (the period in force
 * at the end), then erased — the row (name, role, dates) stays as history, and the contacts record is republished
 * without the phone through the outbox in the same transaction, so the compacted topic's latest record for the
 * member carries none.
 */
@Injectable()
export class MemberContactErasure {
  constructor(
    private readonly policies: PersonalDataPolicies,
    private readonly timers: DurableTimers,
    private readonly outbox: Outbox,
  ) {}

  async scheduleAfterEnd(manager: EntityManager, member: GridMember): Promise<void> {
    if (member.endedAt === null || member.phone === null) return;
    const dueAt = erasureDueAt(member.endedAt, await this.policies.retentionSeconds(member.tenantId, manager));
    const payload: MemberPhoneErasurePayload = { endedAt: member.endedAt.toISOString() };
    await this.timers.schedule(manager, {
      tenantId: member.tenantId,
      kind: MEMBER_PHONE_ERASURE_TIMER,
      aggregateId: member.id,
      dueAt,
      payload,
    });
  }

  /** Erases the phone of a locked, ended member now and announces it. */
  async erase(manager: EntityManager, member: GridMember, now: Date): Promise<void> {
    member.phone = null;
    member.phoneErasedAt = now;
    member.version += 1;
    await manager.update(
      GridMember,
      { tenantId: member.tenantId, id: member.id },
      { phone: null, phoneErasedAt: now, version: member.version },
    );
    await announceMembership(manager, this.outbox, member, EventContext.start(member.tenantId));
  }
}
