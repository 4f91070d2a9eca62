import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { localDateSchema } from './check-in.events';
import { idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';
import { skillSchema } from './volunteer.events';

/** Residents take slots (40 clinic places); volunteers take shifts (3 first-aiders). */
export const signUpRoleSchema = z.enum(['resident', 'volunteer']);
/** A resident slot's service (`clinic`, `haircut`) or a volunteer shift's skill. */
export const poolNameSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'pool: lowercase words joined by dashes');
const localTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'local time: HH:mm');

export const recurrenceSchema = z.discriminatedUnion('frequency', [
  z.object({ frequency: z.literal('monthly'), daysOfMonth: z.array(z.number().int().min(1).max(31)).min(1) }),
  z.object({ frequency: z.literal('weekly'), weekdays: z.array(z.number().int().min(1).max(7)).min(1) }),
]);

const signUpFacts = {
  signUpId: idSchema,
  occurrenceId: idSchema,
  tenantId: tenantIdSchema,
  role: signUpRoleSchema,
  pool: poolNameSchema,
};

export const ServiceEventSeriesCreated = defineEvent({
  type: 'gridline.service-event.series-created',
  topic: Topics.serviceEvents.name,
  schema: z.object({
    seriesId: idSchema,
    tenantId: tenantIdSchema,
    gridId: idSchema,
    title: z.string().min(1).max(100),
    recurrence: recurrenceSchema,
    startsOn: localDateSchema,
    until: localDateSchema.nullable(),
    startTime: localTimeSchema,
    endTime: localTimeSchema,
    timeZone: z.string().min(1).max(64),
    residentSlots: z.array(z.object({ service: poolNameSchema, capacity: z.number().int().min(1) })),
    volunteerShifts: z.array(z.object({ skill: skillSchema, count: z.number().int().min(1) })),
  }),
  subjectOf: (d) => d.seriesId,
  description:
    'A recurring service event was set up in a grid: its rule (days of the month or weekdays), local hours and zone, slots and shifts.',
});

export const ServiceOccurrenceScheduled = defineEvent({
  type: 'gridline.service-event.occurrence-scheduled',
  topic: Topics.serviceEvents.name,
  schema: z.object({
    occurrenceId: idSchema,
    seriesId: idSchema,
    tenantId: tenantIdSchema,
    gridId: idSchema,
    /** The local date in the series' time zone. */
    date: localDateSchema,
    startsAt: isoTimeSchema,
    endsAt: isoTimeSchema,
    pools: z.array(z.object({ role: signUpRoleSchema, name: poolNameSchema, capacity: z.number().int().min(1) })),
  }),
  subjectOf: (d) => d.occurrenceId,
  description: 'One date of a series entered the materialised horizon (e.g. the next 60 days) and opened for sign-up.',
});

export const ServiceSignedUp = defineEvent({
  type: 'gridline.service-event.signed-up',
  topic: Topics.serviceEvents.name,
  schema: z.object({
    ...signUpFacts,
    status: z.enum(['confirmed', 'waitlisted']),
    /** 1 = next in line; null when confirmed. */
    waitlistPosition: z.number().int().min(1).nullable(),
    /** The volunteer taking a shift (volunteer ids are public); null for residents, who stay anonymous here. */
    volunteerId: idSchema.nullable(),
  }),
  subjectOf: (d) => d.occurrenceId,
  description: 'Someone took a slot or shift of an occurrence, or joined its waitlist because it was full.',
});

export const ServiceSignUpCancelled = defineEvent({
  type: 'gridline.service-event.sign-up-cancelled',
  topic: Topics.serviceEvents.name,
  schema: z.object({ ...signUpFacts, previousStatus: z.enum(['confirmed', 'waitlisted']) }),
  subjectOf: (d) => d.occurrenceId,
  description:
    'A sign-up was cancelled before the start; a confirmed one frees its place for the first on the waitlist.',
});

export const ServiceWaitlistPromoted = defineEvent({
  type: 'gridline.service-event.waitlist-promoted',
  topic: Topics.serviceEvents.name,
  schema: z.object({ ...signUpFacts, volunteerId: idSchema.nullable(), replacingSignUpId: idSchema }),
  subjectOf: (d) => d.occurrenceId,
  description: 'The first on the waitlist got the place a cancellation freed (in the transaction of the cancellation).',
});

export const ServiceCheckedIn = defineEvent({
  type: 'gridline.service-event.checked-in',
  topic: Topics.serviceEvents.name,
  schema: z.object({ ...signUpFacts, checkedInAt: isoTimeSchema }),
  subjectOf: (d) => d.occurrenceId,
  description: 'A confirmed participant arrived at the occurrence.',
});

export const ServiceAttendanceRecorded = defineEvent({
  type: 'gridline.service-event.attendance-recorded',
  topic: Topics.serviceEvents.name,
  schema: z.object({
    ...signUpFacts,
    gridId: idSchema,
    checkedInAt: isoTimeSchema,
    checkedOutAt: isoTimeSchema,
    /** Whole minutes of the event's hours the person was there for. */
    minutes: z.number().int().min(0),
  }),
  subjectOf: (d) => d.occurrenceId,
  description: 'A participant checked out: their attendance of the occurrence, in minutes within its hours.',
});

export const ServiceShiftCompleted = defineEvent({
  type: 'gridline.service-event.shift-completed',
  topic: Topics.serviceEvents.name,
  schema: z.object({
    signUpId: idSchema,
    occurrenceId: idSchema,
    seriesId: idSchema,
    tenantId: tenantIdSchema,
    volunteerId: idSchema,
    skill: skillSchema,
    gridId: idSchema,
    date: localDateSchema,
    minutes: z.number().int().min(0),
    /** minutes ÷ 60 with two decimals: what the hours ledger credits. */
    hours: z.number().min(0),
    checkedInAt: isoTimeSchema,
    checkedOutAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.occurrenceId,
  description:
    'A volunteer checked out of a service-event shift: the hours to credit to their ledger (for the hours ledger to consume).',
});

export const ServiceEventReminder = defineEvent({
  type: 'gridline.service-event.reminder',
  topic: Topics.reminders.name,
  schema: z.object({
    ...signUpFacts,
    /** Who to remind: a resident's identity subject, or the volunteer (whose contact stays in this service). */
    residentSubject: z.string().min(1).max(200).nullable(),
    volunteerId: idSchema.nullable(),
    title: z.string().min(1).max(100),
    gridId: idSchema,
    placeText: z.string().max(200).nullable(),
    startsAt: isoTimeSchema,
    leadMinutes: z.number().int().min(1),
  }),
  subjectOf: (d) => d.occurrenceId,
  description:
    'INTERNAL: remind one confirmed participant that the occurrence starts in `leadMinutes` (e.g. 24 h and 2 h before).',
});
