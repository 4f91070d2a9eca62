import { z } from 'zod';

export const tenantIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'tenant id: 2-40 lowercase letters, digits or dashes');
export const idSchema = z.string().min(1).max(64);
export const isoTimeSchema = z.iso.datetime({ offset: true });

/** Grid levels from the street down; the district and city dispatch centres sit above them. */
export const gridLevels = ['street', 'community', 'grid', 'micro'] as const;
export const gridLevelSchema = z.enum(gridLevels);
export type GridLevel = z.infer<typeof gridLevelSchema>;

/** Who can hold an issue: a grid of some level, or a dispatch centre above the streets. */
export const holderLevels = ['micro', 'grid', 'community', 'street', 'district', 'city'] as const;
export const holderLevelSchema = z.enum(holderLevels);
export type HolderLevel = z.infer<typeof holderLevelSchema>;

export const dedicatedKinds = ['school', 'hospital', 'market', 'company', 'other'] as const;
export const dedicatedKindSchema = z.enum(dedicatedKinds);
