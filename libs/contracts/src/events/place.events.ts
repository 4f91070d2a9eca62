import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { Topics } from '../topics';
import { idSchema, tenantIdSchema } from './common.schemas';

const longitudeSchema = z.number().min(-180).max(180);
const latitudeSchema = z.number().min(-90).max(90);

/** A GeoJSON position: longitude, latitude (WGS84 degrees) and an optional altitude that nothing uses. */
export const positionSchema = z.union([
  z.tuple([longitudeSchema, latitudeSchema]),
  z.tuple([longitudeSchema, latitudeSchema, z.number()]),
]);
const ringSchema = z.array(positionSchema).min(4);
const polygonCoordinatesSchema = z.array(ringSchema).min(1);

/**
 * A grid's boundary as RFC 7946 GeoJSON geometry. grid-registry publishes only boundaries that passed its
 * validation: closed rings, outer rings counter-clockwise and holes clockwise, no self-intersection, holes
 * inside their outer ring.
 */
export const boundaryGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinatesSchema }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinatesSchema).min(1) }),
]);

/** [minLon, minLat, maxLon, maxLat] of a boundary, for filtering before the point-in-polygon test. */
export const bboxSchema = z.tuple([longitudeSchema, latitudeSchema, longitudeSchema, latitudeSchema]);

export const gridBoundaryStateSchema = z.object({
  gridId: idSchema,
  tenantId: tenantIdSchema,
  /** Null once the boundary was removed: the grid then resolves only by address. */
  boundary: boundaryGeometrySchema.nullable(),
  bbox: bboxSchema.nullable(),
  /** The grid's version after this change; the grid-state topic shares the sequence. */
  version: z.number().int().positive(),
});

export const GridBoundaryChanged = defineEvent({
  type: 'gridline.grid.boundary',
  topic: Topics.gridBoundaries.name,
  schema: gridBoundaryStateSchema,
  subjectOf: (d) => d.gridId,
  description:
    "A grid's boundary was drawn, redrawn or removed; carries the whole current boundary (compacted by grid id).",
});

/** Courtyard (院), building (楼), stairwell (单元) or point of interest. */
export const placeKinds = ['courtyard', 'building', 'stairwell', 'poi'] as const;
export const placeKindSchema = z.enum(placeKinds);
export type PlaceKind = z.infer<typeof placeKindSchema>;

export const placeStateSchema = z.object({
  placeId: idSchema,
  tenantId: tenantIdSchema,
  /** The grid responsible for the place, usually its micro-grid. */
  gridId: idSchema,
  /** The courtyard a building stands in, the building a stairwell belongs to. */
  parentPlaceId: idSchema.nullable(),
  kind: placeKindSchema,
  name: z.string().min(1),
  /** Normalised (see @gridline/location normaliseAddress); unique in the district. Consumers normalise the same way. */
  address: z.string().min(1),
  point: z.object({ lon: longitudeSchema, lat: latitudeSchema }).nullable(),
  version: z.number().int().positive(),
});

export const PlaceStateChanged = defineEvent({
  type: 'gridline.place.state',
  topic: Topics.placeState.name,
  schema: placeStateSchema,
  subjectOf: (d) => d.placeId,
  description:
    'A courtyard, building, stairwell or point of interest was registered or changed; whole current state, no personal data.',
});

export type BoundaryGeometryData = z.infer<typeof boundaryGeometrySchema>;
export type GridBoundaryState = z.infer<typeof gridBoundaryStateSchema>;
export type PlaceState = z.infer<typeof placeStateSchema>;
