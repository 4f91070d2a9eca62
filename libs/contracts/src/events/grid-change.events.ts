import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { gridLevelSchema, idSchema, isoTimeSchema, tenantIdSchema } from './common.schemas';

const gridCodeSchema = z.string().regex(/^\d{6,30}$/);

/**
 * Change events of the grid tree. The new state of every grid touched is on the compacted grid-state topic as
 * well (that is what replicas follow); these say what happened and from when, for history and analytics.
 */
export const GridCreated = defineEvent({
  type: 'gridline.grid.created',
  topic: Topics.gridChanges.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    gridId: idSchema,
    level: gridLevelSchema,
    /** Null for a street. */
    parentId: idSchema.nullable(),
    code: gridCodeSchema,
    dedicated: z.string().nullable(),
    /** From when the grid exists (a split part may start before the event time: back-dated). */
    effectiveFrom: isoTimeSchema,
  }),
  subjectOf: (d) => d.gridId,
  description: 'A grid was added to the tree (by hand, by a bulk import or as a part of a split).',
});

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
  description:
    'A grid moved under another parent of the same district, with a new code; its descendants were re-coded with it.',
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

export const GridsMerged = defineEvent({
  type: 'gridline.grid.merged',
  topic: Topics.gridChanges.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    /** The grid that absorbed the others and lives on. */
    gridId: idSchema,
    level: gridLevelSchema,
    /** The grids merged into it; each is now retired (its new state is on the grid-state topic). */
    absorbedGridIds: z.array(idSchema).min(1),
    /** Child grids of the absorbed grids now under the survivor (re-coded, like a move). */
    childGridsMoved: z.number().int().min(0),
    placesMoved: z.number().int().min(0),
    /** Memberships of the absorbed grids that ended with them. */
    membershipsEnded: z.number().int().min(0),
    effectiveFrom: isoTimeSchema,
  }),
  subjectOf: (d) => d.gridId,
  description:
    'Sibling grids of one level were merged into one: the others retired, their children, places, addresses and area went to the survivor.',
});

export const GridSplit = defineEvent({
  type: 'gridline.grid.split',
  topic: Topics.gridChanges.name,
  schema: z.object({
    tenantId: tenantIdSchema,
    /** The grid that was split; it is now retired. */
    gridId: idSchema,
    level: gridLevelSchema,
    code: gridCodeSchema,
    /** The new grids that took its place, in the order of the request. */
    partGridIds: z.array(idSchema).min(2),
    childGridsMoved: z.number().int().min(0),
    placesMoved: z.number().int().min(0),
    membershipsEnded: z.number().int().min(0),
    effectiveFrom: isoTimeSchema,
  }),
  subjectOf: (d) => d.gridId,
  description:
    'A grid was split into new sibling grids that share out its children, places, addresses and area; the split grid retired.',
});
