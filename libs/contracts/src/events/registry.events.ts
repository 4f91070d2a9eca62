import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { dedicatedKindSchema, gridLevelSchema, idSchema, tenantIdSchema } from './common.schemas';

export const tenantStateSchema = z.object({
  tenantId: tenantIdSchema,
  divisionCode: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  nameEn: z.string().min(1).nullable(),
  version: z.number().int().positive(),
});

export const TenantStateChanged = defineEvent({
  type: 'gridline.tenant.state',
  topic: Topics.tenantState.name,
  schema: tenantStateSchema,
  subjectOf: (d) => d.tenantId,
  description: 'A district was created or changed; carries its whole current state.',
});

/** A grid is active until it is retired; a retired grid stays in history (and in replicas) but holds nothing. */
export const gridStatuses = ['active', 'retired'] as const;
export const gridStatusSchema = z.enum(gridStatuses);
export type GridStatus = z.infer<typeof gridStatusSchema>;

export const gridStateSchema = z.object({
  gridId: idSchema,
  tenantId: tenantIdSchema,
  parentId: idSchema.nullable(),
  level: gridLevelSchema,
  code: z.string().regex(/^\d{6,30}$/),
  name: z.string().min(1),
  dedicated: dedicatedKindSchema.nullable(),
  /** Courtyards and buildings that belong to this grid, e.g. "47号院"; used to route reports by address. */
  addresses: z.array(z.string().min(1)),
  /** The leader's member id and display name; contact details never leave grid-registry. */
  leader: z.object({ memberId: idSchema, name: z.string().min(1) }).nullable(),
  version: z.number().int().positive(),
  /**
   * Added after v1 went out, so optional on the wire: events from before it (still on the compacted topic) lack it
   * and mean 'active' — read it with gridStatusOf. Not a zod default: that would document it as required.
   */
  status: gridStatusSchema.optional().meta({
    default: 'active',
    description: "Absent in events published before grids could retire: read as 'active'.",
  }),
});

export const GridStateChanged = defineEvent({
  type: 'gridline.grid.state',
  topic: Topics.gridState.name,
  schema: gridStateSchema,
  subjectOf: (d) => d.gridId,
  description: 'A grid was created or changed; carries its whole current state (compacted by grid id).',
});

export type TenantState = z.infer<typeof tenantStateSchema>;
export type GridState = z.infer<typeof gridStateSchema>;

/** A grid state's status, with the default for events published before the field existed. */
export function gridStatusOf(state: Pick<GridState, 'status'>): GridStatus {
  return state.status ?? 'active';
}
