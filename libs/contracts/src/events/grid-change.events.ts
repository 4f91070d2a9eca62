import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { gridLevelSchema, idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';

const gridCodeSchema = z.string().regex(/^\d{6,30}$/);

/**
 * Change events of the grid tree. The new state of every grid touched is on the compacted grid-state topic as
 * well (that is what replicas follow); these say what happened and from when, for history and analytics.
 */
export const GridMoved = defineEvent({
  type: 'gridline.grid.moved',
  topic: Topics.gridChanges.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    gridId: idSchema,
    level: gridLevelSchema,
    fromParentId: idSchema,
    toParentId: idSchema,
    fromCode: gridCodeSchema,
    toCode: gridCodeSchema,
    /** How many descendants got a new code with it (each one's new state is on the grid-state topic). */
    descendantsRecoded: z.number().int().min(0),
    /** From when the grid sits under its new parent (may be earlier than the event time: back-dated). */
    effectiveFrom: isoTimeSchema,
  }),
  subjectOf: (d) => d.gridId,
  description: 'A grid moved under another parent of the same district, with a new code; its descendants were re-coded with it.',
});

export const GridRetired = defineEvent({
  type: 'gridline.grid.retired',
  topic: Topics.gridChanges.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    gridId: idSchema,
    level: gridLevelSchema,
    code: gridCodeSchema,
    effectiveFrom: isoTimeSchema,
  }),
  subjectOf: (d) => d.gridId,
  description: 'A grid without active children was retired: it leaves the current tree but stays in history.',
});
