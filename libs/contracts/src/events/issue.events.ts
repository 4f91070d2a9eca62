import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { holderLevelSchema, idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';

const issueRef = {
  issueId: idSchema,
  tenantId: tenantIdSchema,
};

export const IssueReported = defineEvent({
  type: 'gridline.issue.reported',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    category: z.string().min(1),
    channel: z.enum(['resident', 'patrol', 'visit']),
    gridId: idSchema,
    reportedAt: isoTimeSchema,
  }),
  subjectOf: (d) => d.issueId,
  description: 'A problem was reported. No reporter identity: this topic is public.',
});

export const IssueDispatched = defineEvent({
  type: 'gridline.issue.dispatched',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    category: z.string().min(1),
    gridId: idSchema,
    level: holderLevelSchema,
    ackDeadline: isoTimeSchema,
  }),
  subjectOf: (d) => d.issueId,
  description: 'The issue was dispatched to the smallest responsible grid, with its acknowledgement deadline.',
});

export const IssueEscalated = defineEvent({
  type: 'gridline.issue.escalated',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    category: z.string().min(1),
    fromGridId: idSchema.nullable(),
    fromLevel: holderLevelSchema,
    toGridId: idSchema.nullable(),
    toLevel: holderLevelSchema,
    reason: z.enum(['ack-timeout', 'resolve-timeout', 'manual']),
    /** 1 for the first escalation above the grid the issue was dispatched to. */
    depth: z.number().int().positive(),
    ackDeadline: isoTimeSchema.nullable(),
    /** The new holder's resolve deadline when the resolve clock was running (absent in older events). */
    resolveDeadline: isoTimeSchema.nullable().optional(),
    critical: z.boolean(),
  }),
  subjectOf: (d) => d.issueId,
  description:
    'The issue moved one level up (grid → … → district → city centre): nobody acknowledged in time (`ack-timeout`), it was not resolved in time (`resolve-timeout`), or its holder sent it up (`manual`).',
});

export const IssueAcknowledged = defineEvent({
  type: 'gridline.issue.acknowledged',
  topic: Topics.issueEvents.name,
  schema: z.object({
    ...issueRef,
    gridId: idSchema.nullable(),
    level: holderLevelSchema,
    acknowledgedAt: isoTimeSchema,
    /** When the case must be resolved; the resolve clock starts (or keeps running) on acknowledgement. */
    resolveDeadline: isoTimeSchema.nullable().optional(),
  }),
  subjectOf: (d) => d.issueId,
  description: 'The holder acknowledged the issue; the acknowledgement clock stops and the resolve clock runs.',
});
