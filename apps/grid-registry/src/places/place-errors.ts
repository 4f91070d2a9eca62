import { HttpStatus } from '@nestjs/common';
import { errorCatalogue, FieldProblem } from '@gridline/platform';

/** What the boundary validation found, each with the JSON path it is about; the first one leads the message. */
const invalidBoundary = (problems: readonly FieldProblem[]) => {
  const [first, ...rest] = problems;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return { message: `the boundary is not a valid polygon: ${first.field}: ${first.reason}${more}`, details: problems };
};

/** Boundaries, places and resolving a location. */
export const PlaceErrors = errorCatalogue({
  PLACE_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the place does not exist in the district',
    message: (tenantId: string, placeId: string) => `place ${placeId} does not exist in district ${tenantId}`,
  },
  BOUNDARY_NOT_FOUND: {
    status: HttpStatus.NOT_FOUND,
    when: 'the grid has no boundary (or does not exist in the district)',
    message: (tenantId: string, gridId: string) => `grid ${gridId} of district ${tenantId} has no boundary`,
  },
  LOCATION_NOT_IN_DISTRICT: {
    status: HttpStatus.NOT_FOUND,
    when: 'no grid of the district holds the point or the address',
    message: (
      tenantId: string,
      location: { readonly address?: string; readonly lon?: number; readonly lat?: number },
    ) => {
      const what =
        location.address === undefined
          ? `the point (${location.lon}, ${location.lat}) lies within no grid boundary`
          : `no place or grid is registered under ${location.address}`;
      return `${what} of district ${tenantId}`;
    },
  },
  UNKNOWN_PARENT_PLACE: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the parent place does not exist in the district',
    message: (tenantId: string, parentPlaceId: string) => ({
      message: `place ${parentPlaceId} does not exist in district ${tenantId}`,
      details: [{ field: 'parentPlaceId', reason: 'unknown place in this district' }],
    }),
  },
  WRONG_PLACE_KIND_UNDER_PARENT: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the place's kind does not stand in the parent's kind (a building in a courtyard, a stairwell in a building …)",
    message: (reason: string) => ({ message: reason, details: [{ field: 'parentPlaceId', reason }] }),
  },
  POINT_OUTSIDE_GRID: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: "the point lies outside the grid's boundary",
    message: (
      point: { readonly lon: number; readonly lat: number },
      grid: { readonly name: string; readonly code: string },
    ) => ({
      message: `the point (${point.lon}, ${point.lat}) lies outside the boundary of grid ${grid.name} (${grid.code})`,
      details: [{ field: 'point', reason: "outside the grid's boundary" }],
    }),
  },
  INVALID_POLYGON: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the boundary is not a valid GeoJSON Polygon or MultiPolygon (details name ring and position)',
    message: invalidBoundary,
  },
  POLYGON_TOO_COMPLEX: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    when: 'the boundary has more positions than a boundary may have',
    message: invalidBoundary,
  },
  ADDRESS_TAKEN: {
    status: HttpStatus.CONFLICT,
    when: 'another place of the district is registered under the address',
    message: (address: string, holder: { readonly kind: string; readonly name: string; readonly id: string } | null) =>
      holder
        ? `the address ${address} is already registered as ${holder.kind} ${holder.name} (place ${holder.id})`
        : `the address ${address} is already registered in this district`,
  },
});
