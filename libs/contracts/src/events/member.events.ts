import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { idSchema, tenantIdSchema } from './common.schemas';

/**
 * The roles a person can hold on a grid: leader (网格长), worker (网格员), party-member hub (党员中心户),
 * property staff (物业), merchant (商户), volunteer.
 */
export const memberRoles = ['leader', 'worker', 'party-hub', 'property', 'merchant', 'volunteer'] as const;
export const memberRoleSchema = z.enum(memberRoles);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/**
 * Roles whose holders' names are public: leaders and workers are the grid's staff, named on the community's
 * notice board (the page prints them). Party-member hubs, property staff, merchants and volunteers are residents
 * or private persons, so their names stay off the public topic.
 */
export const publiclyNamedRoles: readonly MemberRole[] = ['leader', 'worker'];

export function isPubliclyNamed(role: MemberRole): boolean {
  return publiclyNamedRoles.includes(role);
}

export const memberStateSchema = z
  .object({
    memberId: idSchema,
    tenantId: tenantIdSchema,
    gridId: idSchema,
    role: memberRoleSchema,
    /** Only for leaders and workers (see `publiclyNamedRoles`); absent for everyone else. */
    name: z.string().min(1).optional(),
    /** false once the membership has ended (the member row is kept for history). */
    active: z.boolean(),
    version: z.number().int().positive(),
  })
  .strict()
  .refine((d) => d.name === undefined || isPubliclyNamed(d.role), {
    message: 'name is published for leaders and workers only',
    path: ['name'],
  });

export const MemberStateChanged = defineEvent({
  type: 'gridline.member.state',
  topic: Topics.memberState.name,
  schema: memberStateSchema,
  subjectOf: (d) => d.memberId,
  description:
    'A grid member was added or their membership ended; carries the whole public state (compacted by member id). No contact details; a name only for leaders and workers.',
});

export const memberContactsSchema = z
  .object({
    memberId: idSchema,
    tenantId: tenantIdSchema,
    gridId: idSchema,
    role: memberRoleSchema,
    name: z.string().min(1),
    /** Personal data. null when none was given, and once erased: the district's retention period after the membership ended. */
    phone: z.string().min(1).nullable(),
    active: z.boolean(),
    version: z.number().int().positive(),
  })
  .strict();

export const MemberContactsChanged = defineEvent({
  type: 'gridline.member.contacts',
  topic: Topics.memberContacts.name,
  schema: memberContactsSchema,
  subjectOf: (d) => d.memberId,
  description:
    'INTERNAL (personal data): how to reach a grid member — name and phone — for services that must call people (dispatch). ' +
    "Compacted by member id; an ended membership keeps its phone for the district's retention period, then is republished without it (so the latest record, the one compaction keeps, has none). Never for analytics.",
});

/** Local wall-clock time `HH:mm`; a shift's end may be `24:00` (the end of the day). */
export const wallTimeSchema = z
  .string()
  .regex(/^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/, 'local time: HH:mm (end may be 24:00)');

export const dutyShiftSchema = z.object({
  memberId: idSchema,
  /** ISO weekday in the roster's time zone: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  from: wallTimeSchema,
  to: wallTimeSchema,
});

export const dutyRosterSchema = z
  .object({
    tenantId: tenantIdSchema,
    gridId: idSchema,
    /** IANA zone the weekdays and times are read in (the district's zero-report zone, else Asia/Shanghai). */
    timeZone: z.string().min(1),
    shifts: z.array(dutyShiftSchema),
    version: z.number().int().positive(),
  })
  .strict();

export const DutyRosterChanged = defineEvent({
  type: 'gridline.grid.duty-roster',
  topic: Topics.dutyRoster.name,
  schema: dutyRosterSchema,
  subjectOf: (d) => d.gridId,
  description:
    "A grid's weekly duty roster was set or lost a member's shifts; carries the whole roster (compacted by grid id). Member ids only, no names or phones.",
});

export type MemberState = z.infer<typeof memberStateSchema>;
export type MemberContacts = z.infer<typeof memberContactsSchema>;
export type DutyShift = z.infer<typeof dutyShiftSchema>;
export type DutyRosterState = z.infer<typeof dutyRosterSchema>;
