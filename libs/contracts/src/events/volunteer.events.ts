import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';

export const skillSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'skill: lowercase words joined by dashes');
export const volunteerKinds = ['resident', 'party-member', 'student', 'merchant', 'property-staff'] as const;
export const volunteerKindSchema = z.enum(volunteerKinds);

export const VolunteerRegistered = defineEvent({
  type: 'gridline.volunteer.registered',
  topic: Topics.volunteerEvents.name,
  schema: z.object({
    volunteerId: idSchema,
    tenantId: tenantIdSchema,
    homeGridId: idSchema,
    skills: z.array(skillSchema),
    /** Added in 1.1; absent on older events. */
    kind: volunteerKindSchema.optional(),
    /** Added in 1.1: the team (university class, party branch, property company) or null. */
    teamId: idSchema.nullable().optional(),
  }),
  subjectOf: (d) => d.volunteerId,
  description: 'A volunteer joined, with skills, kind, team and home grid (no name or contact: public topic).',
});

export const TaskOffered = defineEvent({
  type: 'gridline.volunteer.task-offered',
  topic: Topics.taskOffers.name,
  schema: z.object({
    offerId: idSchema,
    tenantId: tenantIdSchema,
    issueId: idSchema,
    volunteerId: idSchema,
    skill: skillSchema,
    issueGridId: idSchema,
    /** The grid whose volunteer was chosen: the issue's own grid or its nearest ancestor with a match. */
    matchedGridId: idSchema,
    offeredAt: isoTimeSchema,
    /** Added in 1.1: the task the offer fills (one per issue) and when the offer lapses unanswered. */
    taskId: idSchema.optional(),
    expiresAt: isoTimeSchema.optional(),
  }),
  subjectOf: (d) => d.issueId,
  description:
    'A volunteer was offered the task of helping with an issue (again after a decline or expiry: the next in rank).',
});

export const TaskUnmatched = defineEvent({
  type: 'gridline.volunteer.task-unmatched',
  topic: Topics.taskOffers.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    issueId: idSchema,
    skill: skillSchema,
    issueGridId: idSchema,
    /** Added in 1.1: the task, and how many volunteers were asked before nobody was left (0: nobody qualified). */
    taskId: idSchema.optional(),
    asked: z.number().int().min(0).optional(),
  }),
  subjectOf: (d) => d.issueId,
  description:
    "An issue needed a volunteer and nobody is left to ask (none qualified, or every one declined or let the offer lapse): the issue grid's leader must find help.",
});

const requestRef = {
  taskId: idSchema,
  tenantId: tenantIdSchema,
  /** The grid the leader asked for; its leader is the one to tell. */
  gridId: idSchema,
  skill: skillSchema,
};

export const RequestOffered = defineEvent({
  type: 'gridline.volunteer.request-offered',
  topic: Topics.taskOffers.name,
  schema: z.object({
    ...requestRef,
    offerId: idSchema,
    volunteerId: idSchema,
    matchedGridId: idSchema,
    startsAt: isoTimeSchema,
    endsAt: isoTimeSchema,
    offeredAt: isoTimeSchema,
    expiresAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.taskId,
  description:
    'A volunteer was offered a place in a grid leader\'s direct request ("3 volunteers with a ladder, Saturday morning").',
});

export const RequestUnfilled = defineEvent({
  type: 'gridline.volunteer.request-unfilled',
  topic: Topics.taskOffers.name,
  schema: z.object({
    ...requestRef,
    needed: z.number().int().positive(),
    assigned: z.number().int().min(0),
    asked: z.number().int().min(0),
  }),
  subjectOf: (d) => d.taskId,
  description:
    "A grid leader's direct request cannot be filled: nobody is left to ask; `assigned` of `needed` places are taken.",
});

/** One offer of a task, from its answer to its completion. Keyed by the issue (issue tasks) or the task (requests). */
const offerStep = z.object({
  offerId: idSchema,
  taskId: idSchema,
  tenantId: tenantIdSchema,
  /** The issue the task helps with; null for a grid leader's direct request. */
  issueId: idSchema.nullable(),
  volunteerId: idSchema,
  gridId: idSchema,
  at: isoTimeSchema,
});
const offerStepSubject = (d: z.infer<typeof offerStep>) => d.issueId ?? d.taskId;

export const OfferDeclined = defineEvent({
  type: 'gridline.volunteer.offer-declined',
  topic: Topics.taskOffers.name,
  schema: offerStep,
  subjectOf: offerStepSubject,
  description: 'The volunteer declined the offer; the next candidate is asked.',
});

export const OfferExpired = defineEvent({
  type: 'gridline.volunteer.offer-expired',
  topic: Topics.taskOffers.name,
  schema: offerStep,
  subjectOf: offerStepSubject,
  description: "The offer lapsed unanswered (the district's offer window); the next candidate is asked.",
});

export const TaskAccepted = defineEvent({
  type: 'gridline.volunteer.task-accepted',
  topic: Topics.taskOffers.name,
  schema: offerStep,
  subjectOf: offerStepSubject,
  description: 'The volunteer accepted: they are assigned to the task.',
});

export const TaskCheckedIn = defineEvent({
  type: 'gridline.volunteer.task-checked-in',
  topic: Topics.taskOffers.name,
  schema: offerStep,
  subjectOf: offerStepSubject,
  description: 'The assigned volunteer arrived and started.',
});

export const TaskCheckedOut = defineEvent({
  type: 'gridline.volunteer.task-checked-out',
  topic: Topics.taskOffers.name,
  schema: offerStep,
  subjectOf: offerStepSubject,
  description: 'The assigned volunteer left.',
});

export const TaskCompleted = defineEvent({
  type: 'gridline.volunteer.task-completed',
  topic: Topics.taskOffers.name,
  schema: offerStep.extend({ hours: z.number().positive() }),
  subjectOf: offerStepSubject,
  description: "The volunteer's part of the task is done and confirmed; `hours` were credited to the ledger.",
});

export const HoursCredited = defineEvent({
  type: 'gridline.volunteer.hours-credited',
  topic: Topics.volunteerEvents.name,
  schema: z.object({
    entryId: idSchema,
    tenantId: tenantIdSchema,
    volunteerId: idSchema,
    /** Signed: a correction may take hours away. */
    hours: z.number(),
    /** `service-shift` added in 1.2: hours of a service-event shift (ServiceShiftCompleted). */
    kind: z.enum(['task', 'correction', 'service-shift']),
    taskId: idSchema.nullable(),
    offerId: idSchema.nullable(),
    issueId: idSchema.nullable(),
    /** Added in 1.2: the service-event occurrence a shift entry (or its correction) credits; absent on older events. */
    occurrenceId: idSchema.nullable().optional(),
    correctsEntryId: idSchema.nullable(),
    gridId: idSchema,
    teamId: idSchema.nullable(),
    occurredAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.volunteerId,
  description:
    "An entry in a volunteer's append-only hours ledger: hours from a task or a service-event shift, or a correction (the reason stays in the service).",
});
