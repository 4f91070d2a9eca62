import { EntityManager } from 'typeorm';
import { DutyRosterChanged, MemberContactsChanged, MemberStateChanged } from '@gridline/contracts';
import { EventContext, Outbox } from '@gridline/messaging';
import { DutyRoster } from './duty-roster.entity';
import { GridMember } from './grid-member.entity';
import { toMemberContacts, toMemberState } from './member-state';
import type { MemberContactErasure } from './member-contact-erasure';

/**
 * Every membership change goes out the same way, in the caller's transaction: the public state on member-state and
 * the contact record on the internal member-contacts topic. Leaders set through the grid tree (creation, leader
 * replacement, split, merge) are announced here exactly like members added through the members API.
 */
export async function announceMembership(
  manager: EntityManager,
  outbox: Outbox,
  member: GridMember,
  context: EventContext,
): Promise<void> {
  await outbox.add(manager, MemberStateChanged, toMemberState(member), context);
  await outbox.add(manager, MemberContactsChanged, toMemberContacts(member), context);
}

/**
 * Ends a membership (the row stays as history) and announces it. The phone stays for the district's retention
 * period; the erasure timer is set in the same transaction (docs/adr/0022).
 */
export async function endMembershipRow(
  manager: EntityManager,
  outbox: Outbox,
  member: GridMember,
  now: Date,
  context: EventContext,
  erasure: MemberContactErasure,
): Promise<void> {
  member.endedAt = now;
  member.version += 1;
  await manager.update(
    GridMember,
    { tenantId: member.tenantId, id: member.id },
    { endedAt: now, version: member.version },
  );
  await announceMembership(manager, outbox, member, context);
  await erasure.scheduleAfterEnd(manager, member);
}

/**
 * Takes shifts off a grid's duty roster (all of them, or those of one member) and announces the roster if it
 * changed. The roster row is locked so a concurrent roster edit cannot resurrect the shifts.
 */
export async function dropRosterShifts(
  manager: EntityManager,
  outbox: Outbox,
  tenantId: string,
  gridId: string,
  now: Date,
  context: EventContext,
  memberId?: string,
): Promise<void> {
  const roster = await manager.findOne(DutyRoster, {
    where: { tenantId, gridId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!roster) return;
  const kept = memberId === undefined ? [] : roster.shifts.filter((shift) => shift.memberId !== memberId);
  if (kept.length === roster.shifts.length) return;
  roster.shifts = kept;
  roster.version += 1;
  roster.updatedAt = now;
  await manager.save(DutyRoster, roster);
  await outbox.add(
    manager,
    DutyRosterChanged,
    { tenantId, gridId, timeZone: roster.timeZone, shifts: kept, version: roster.version },
    context,
  );
}
