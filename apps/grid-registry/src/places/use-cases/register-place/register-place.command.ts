import type { PlaceKind } from '@gridline/contracts';

/** A WGS84 point in degrees. */
export interface PlacePoint {
  readonly lon: number;
  readonly lat: number;
}

/** A place to register, from whichever caller: the HTTP body, a CSV or GeoJSON import row. */
export interface PlaceToRegister {
  /** courtyard (院) > building (楼) > stairwell (单元); poi for anything else. */
  readonly kind: PlaceKind;
  readonly name: string;
  /** As given; stored normalised and unique in the district. */
  readonly address: string;
  /** The grid responsible for the place, usually its micro-grid; same district. */
  readonly gridId: string;
  /** The courtyard of a building, the building of a stairwell; same district. */
  readonly parentPlaceId?: string;
  /** Where the place is; must lie within the grid's boundary when the grid has one. */
  readonly point?: PlacePoint;
}

export interface RegisterPlaceCommand {
  readonly tenantId: string;
  readonly place: PlaceToRegister;
  readonly correlationId: string;
}
