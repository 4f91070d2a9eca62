import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { holderLevelSchema, idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';

/**
 * The case loop after dispatch (数字城管: 立案 → 派遣 → 处置 → 核查 → 结案 → 评价) and its exceptions (延期, 回退,
 * 挂账). All on the public issue-events topic, keyed by issue id: no reporter identity, no free text (notes,
 * reasons and rating comments stay in issue-dispatch's history), no staff identities.
 */
const issueRef = {
  issueId: idSchema,
  tenantId: tenantIdSchema,
};

/** Who holds the case when the event happens: a grid, or a dispatch centre (no grid id). */
const holder = {
  gridId: idSchema.nullable(),
  level: holderLevelSchema,
};

export const rejectionReasons = ['invalid', 'duplicate', 'not-our-responsibility'] as const;
export const rejectionReasonSchema = z.enum(rejectionReasons);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const unroutedReasons = ['address-not-registered'] as const;

export const IssueQueued = defineEvent({
  type: 'gridline.issue.queued',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    category: z.string().min(1),
    channel: z.enum(['resident', 'patrol', 'visit']),
    /** Why no grid could be chosen: the address is not (yet) registered in the district. */
    reason: z.enum(unroutedReasons),
    reportedAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.issueId,
  description:
    "A problem was reported but could not be routed to a grid (e.g. an address nobody registered): it waits in the district dispatch centre's " +
    'manual queue, to be accepted and dispatched by hand. Counts as a report, like gridline.issue.reported.',
});

export const IssueAccepted = defineEvent({
  type: 'gridline.issue.accepted',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, category: z.string().min(1), acceptedAt: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The district dispatch centre opened a case (立案) for a report waiting in its manual queue.',
});

export const IssueRejected = defineEvent({
  type: 'gridline.issue.rejected',
  topic: Topics.issueEvents.name,
  schema: z
    .object({
      ...issueRef,
      reason: rejectionReasonSchema,
      /** For a duplicate: the issue it duplicates, so the duplicate's reporter can be told about the original. */
      duplicateOf: idSchema.nullable(),
      rejectedAt: isoTimeSchema,
    })
    .refine((d) => (d.reason === 'duplicate') === (d.duplicateOf !== null), {
      message: 'duplicateOf is given exactly for a duplicate',
      path: ['duplicateOf'],
    }),
  subjectOf: (d) => d.issueId,
  description:
    'No case is opened: the report is invalid, a duplicate of `duplicateOf`, or not the district’s responsibility.',
});

export const IssueWorkStarted = defineEvent({
  type: 'gridline.issue.work-started',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, ...holder, startedAt: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The holder started handling the acknowledged case (处置).',
});

export const IssueResolved = defineEvent({
  type: 'gridline.issue.resolved',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, ...holder, resolvedAt: isoTimeSchema, onTime: z.boolean() }),
  subjectOf: (d) => d.issueId,
  description:
    'The holder reports the problem solved; the resolve clock stops and the case waits for verification (核查).',
});

export const IssueVerified = defineEvent({
  type: 'gridline.issue.verified',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, verifiedBy: z.enum(['reporter', 'supervisor']), verifiedAt: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The reporter or a supervisor confirmed the resolution.',
});

export const IssueReopened = defineEvent({
  type: 'gridline.issue.reopened',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    ...holder,
    verifiedBy: z.enum(['reporter', 'supervisor']),
    /** How many times verification has failed on this case (返工), this one included. */
    reworkCount: z.number().int().positive(),
    resolveDeadline: isoTimeSchema,
    reopenedAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.issueId,
  description: 'Verification failed: the case goes back to its holder for rework with a fresh resolve deadline.',
});

export const IssueClosed = defineEvent({
  type: 'gridline.issue.closed',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    category: z.string().min(1),
    reworkCount: z.number().int().nonnegative(),
    extensionCount: z.number().int().nonnegative(),
    /** Resolved before the resolve deadline in force at the time (按期结案). */
    onTime: z.boolean(),
    closedAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.issueId,
  description: 'The dispatch centre closed the verified case (结案).',
});

export const IssueRated = defineEvent({
  type: 'gridline.issue.rated',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, rating: z.number().int().min(1).max(5), ratedAt: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The reporter rated the closed case, 1–5 (the comment stays in issue-dispatch).',
});

export const IssueExtensionRequested = defineEvent({
  type: 'gridline.issue.extension-requested',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, ...holder, currentDeadline: isoTimeSchema, requestedDeadline: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The holding grid asks one level up for more time to resolve (延期).',
});

export const IssueExtensionApproved = defineEvent({
  type: 'gridline.issue.extension-approved',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, ...holder, previousDeadline: isoTimeSchema, resolveDeadline: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The extension was approved: the resolve deadline moved.',
});

export const IssueExtensionDenied = defineEvent({
  type: 'gridline.issue.extension-denied',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, ...holder, resolveDeadline: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The extension was denied: the resolve deadline stands.',
});

export const IssueReturned = defineEvent({
  type: 'gridline.issue.returned',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, fromGridId: idSchema, fromLevel: holderLevelSchema, returnedAt: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The grid returned a wrongly dispatched case (回退); it waits in the district dispatch centre’s queue.',
});

export const IssueReassigned = defineEvent({
  type: 'gridline.issue.reassigned',
  topic: Topics.issueEvents.name,
  schema: z.object({ ...issueRef, ...holder, reassignedAt: isoTimeSchema }),
  subjectOf: (d) => d.issueId,
  description: 'The case was handed to another member of the same grid (who, stays in issue-dispatch).',
});

export const IssueParked = defineEvent({
  type: 'gridline.issue.parked',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    ...holder,
    /** Time left on each running clock when it was paused; null when that clock was not running. */
    ackRemainingSeconds: z.number().nonnegative().nullable(),
    resolveRemainingSeconds: z.number().nonnegative().nullable(),
    parkedAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.issueId,
  description: 'A long-running case was parked (挂账): its clocks are paused and it does not escalate.',
});

export const IssueUnparked = defineEvent({
  type: 'gridline.issue.unparked',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    ...holder,
    ackDeadline: isoTimeSchema.nullable(),
    resolveDeadline: isoTimeSchema.nullable(),
    unparkedAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.issueId,
  description: 'The parked case resumed: its clocks run again with the time they had left.',
});
