import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';

export const skillSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'skill: lowercase words joined by dashes');

export const VolunteerRegistered = defineEvent({
  type: 'gridline.volunteer.registered',
  topic: Topics.volunteerEvents.name,
  schema: z.object({
    volunteerId: idSchema,
    tenantId: tenantIdSchema,
    homeGridId: idSchema,
    skills: z.array(skillSchema),
  }),
  subjectOf: (d) => d.volunteerId,
  description: 'A volunteer joined, with skills and home grid (no name or contact: public topic).',
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
  }),
  subjectOf: (d) => d.issueId,
  description: 'A matching volunteer was offered the task of helping with an issue.',
});

export const TaskUnmatched = defineEvent({
  type: 'gridline.volunteer.task-unmatched',
  topic: Topics.taskOffers.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    issueId: idSchema,
    skill: skillSchema,
    issueGridId: idSchema,
  }),
  subjectOf: (d) => d.issueId,
  description: 'An issue needed a volunteer but none with the skill exists in its grid or any ancestor.',
});
