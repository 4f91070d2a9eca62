import { type BBox, type BoundaryGeometry, normaliseAddress, positionRangeProblems } from '@gridline/location';
import { sameGeometry } from '../../places/domain/same-geometry';
import { validateBoundary } from '../../places/domain/polygon-validation';
import { MAX_IMPORT_ROWS, type Report } from './import-problem';
import type { PlaceRowInput, PlaceRowKey } from './place-import-plan';

/**
 * A GeoJSON import is a FeatureCollection: Polygon/MultiPolygon features with `properties.grid_code` draw that
 * grid's boundary; Point features with `properties` kind, name, address, grid_code and optional parent_address
 * register places. Problems of a feature carry `line` = its index in `features` (0-based) and `field` = the JSON
 * path in the document (`features[12].geometry.coordinates[0]`); problems of the document itself (not JSON, not
 * a FeatureCollection, no features, too many) refuse it as a whole.
 */
export type FeatureCollectionVerdict =
  | { readonly ok: true; readonly features: readonly unknown[] }
  | { readonly ok: false; readonly field: string; readonly reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readFeatureCollection(text: string): FeatureCollectionVerdict {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, field: 'body', reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isObject(document) || document.type !== 'FeatureCollection')
    return {
      ok: false,
      field: 'type',
      reason: 'expected a GeoJSON FeatureCollection ({"type": "FeatureCollection", "features": [...]})',
    };
  if (!Array.isArray(document.features)) return { ok: false, field: 'features', reason: 'features must be an array' };
  if (document.features.length === 0) return { ok: false, field: 'features', reason: 'the collection has no features' };
  if (document.features.length > MAX_IMPORT_ROWS)
    return { ok: false, field: 'features', reason: `more than ${MAX_IMPORT_ROWS} features; split the file` };
  return { ok: true, features: document.features };
}

/** A Polygon/MultiPolygon feature: the boundary of the grid with that code. */
export interface BoundaryFeature {
  readonly line: number;
  readonly gridCode: string;
  readonly geometry: unknown;
}

export interface GeoJsonRows {
  readonly boundaries: BoundaryFeature[];
  readonly places: PlaceRowInput[];
}

const propertyOf: Record<PlaceRowKey, string> = {
  ref: 'properties.address',
  parentRef: 'properties.parent_address',
  gridCode: 'properties.grid_code',
  kind: 'properties.kind',
  name: 'properties.name',
  address: 'properties.address',
  lon: 'geometry.coordinates[0]',
  lat: 'geometry.coordinates[1]',
  point: 'geometry.coordinates',
};

/** Sorts the features into boundaries and places, reporting what is wrong with a feature's shape. */
export function readGeoJsonFeatures(features: readonly unknown[], report: Report): GeoJsonRows {
  const boundaries: BoundaryFeature[] = [];
  const places: PlaceRowInput[] = [];
  features.forEach((feature, line) => {
    const at = `features[${line}]`;
    if (!isObject(feature) || feature.type !== 'Feature')
      return report(line, at, 'not a GeoJSON Feature ({"type": "Feature", "geometry": …, "properties": …})');
    const properties = feature.properties ?? {};
    if (!isObject(properties)) return report(line, `${at}.properties`, 'properties must be an object');
    const text = (name: string): string => {
      const value = properties[name];
      if (value === undefined || value === null) return '';
      if (typeof value === 'string') return value.trim();
      if (typeof value === 'number') return String(value);
      report(line, `${at}.properties.${name}`, 'must be a string');
      return '';
    };
    const geometry = feature.geometry;
    if (!isObject(geometry))
      return report(
        line,
        `${at}.geometry`,
        'missing geometry: expected a Polygon or MultiPolygon (a grid boundary) or a Point (a place)',
      );
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const gridCode = text('grid_code');
      if (gridCode === '') report(line, `${at}.properties.grid_code`, 'missing grid_code: whose boundary is this?');
      boundaries.push({ line, gridCode, geometry: { type: geometry.type, coordinates: geometry.coordinates } });
      return undefined;
    }
    if (geometry.type === 'Point') {
      places.push({
        line,
        ref: normaliseAddress(text('address')),
        parentRef: normaliseAddress(text('parent_address')),
        gridCode: text('grid_code'),
        kind: text('kind'),
        name: text('name'),
        address: text('address'),
        point: readPosition(geometry.coordinates, `${at}.geometry.coordinates`, line, report),
        field: (key) => `${at}.${propertyOf[key]}`,
      });
      return undefined;
    }
    return report(
      line,
      `${at}.geometry.type`,
      `${String(geometry.type)} is not imported: expected Polygon or MultiPolygon (a grid boundary) or Point (a place)`,
    );
  });
  return { boundaries, places };
}

function readPosition(coordinates: unknown, field: string, line: number, report: Report): PlaceRowInput['point'] {
  if (
    !Array.isArray(coordinates) ||
    coordinates.length < 2 ||
    coordinates.length > 3 ||
    !coordinates.every((c) => typeof c === 'number' && Number.isFinite(c))
  ) {
    report(line, field, 'a Point needs [lon, lat] (or [lon, lat, altitude]) as finite numbers');
    return 'invalid';
  }
  // Longitude and latitude are checked with the place (the rules of POST /places); only the altitude ends here.
  const altitude = positionRangeProblems(coordinates as number[]).find((problem) => problem.index === 2);
  if (altitude) {
    report(line, `${field}[2]`, altitude.reason);
    return 'invalid';
  }
  return { lon: coordinates[0] as number, lat: coordinates[1] as number };
}

export interface GridForBoundary {
  readonly id: string;
  readonly code: string;
}

export interface PlannedBoundary {
  readonly line: number;
  readonly gridId: string;
  readonly gridCode: string;
  readonly boundary: { readonly geometry: BoundaryGeometry; readonly bbox: BBox; readonly positions: number };
  /** unchanged: the grid already has exactly this boundary. */
  readonly action: 'set' | 'unchanged';
}

/**
 * Validates each boundary feature as PUT …/boundary does (places/domain/polygon-validation.ts, every problem with
 * its path under the feature) against the district's active grids and their current boundaries. One grid may be
 * drawn once per file.
 */
export function planBoundaries(
  features: readonly BoundaryFeature[],
  gridsByCode: ReadonlyMap<string, GridForBoundary>,
  currentBoundary: (gridId: string) => BoundaryGeometry | null,
  report: Report,
): PlannedBoundary[] {
  const planned: PlannedBoundary[] = [];
  const lineOfGrid = new Map<string, number>();
  for (const { line, gridCode, geometry } of features) {
    const at = `features[${line}]`;
    const grid = gridCode === '' ? undefined : gridsByCode.get(gridCode);
    if (gridCode !== '' && !grid)
      report(line, `${at}.properties.grid_code`, `${gridCode} is not the code of an active grid of the district`);
    if (grid) {
      const first = lineOfGrid.get(grid.id);
      if (first !== undefined)
        report(line, `${at}.properties.grid_code`, `grid ${gridCode} is already drawn by feature ${first}`);
      else lineOfGrid.set(grid.id, line);
    }
    const verdict = validateBoundary(geometry);
    if (!verdict.valid) {
      for (const problem of verdict.problems) report(line, `${at}.geometry.${problem.field}`, problem.reason);
      continue;
    }
    if (!grid) continue;
    const current = currentBoundary(grid.id);
    const boundary = { geometry: verdict.geometry, bbox: verdict.bbox, positions: verdict.positions };
    planned.push({
      line,
      gridId: grid.id,
      gridCode,
      boundary,
      action: current && sameGeometry(current, verdict.geometry) ? 'unchanged' : 'set',
    });
  }
  return planned;
}
