import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { gridLevelSchema, idSchema, tenantIdSchema } from './common.schemas';

/** A district-local calendar date, `YYYY-MM-DD`, in the district's zero-report time zone. */
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'local date: YYYY-MM-DD');

export const GridCheckedIn = defineEvent({
  type: 'gridline.grid.checked-in',
  topic: Topics.checkInEvents.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    gridId: idSchema,
    /** The local date the check-in is for (the district's zero-report time zone). */
    date: localDateSchema,
    nothingToReport: z.boolean(),
    matterCount: z.number().int().min(0),
  }),
  subjectOf: (d) => d.gridId,
  description:
    "A grid made its daily check-in (零上报): 'nothing to report' or a count of matters seen. No reporter, no matter text: public topic.",
});

export const GridCheckInMissed = defineEvent({
  type: 'gridline.grid.check-in-missed',
  topic: Topics.checkInEvents.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    gridId: idSchema,
    date: localDateSchema,
    level: gridLevelSchema,
  }),
  subjectOf: (d) => d.gridId,
  description:
    "The district's daily cut-off passed and this grid, at a level that must check in, had not. Emitted once per grid and date.",
});
