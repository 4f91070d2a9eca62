import { type PlaceKind, placeKinds } from '@gridline/contracts';
import { type BoundaryGeometry, geometryContains, normaliseAddress } from '@gridline/location';
import { checkPlaceParent } from '../../places/domain/place-hierarchy';
import type { Report } from './import-problem';

/** What a place row says, whatever file it came from (a CSV line or a GeoJSON Point feature). */
export interface PlaceRowInput {
  readonly line: number;
  /** The file's own id of the row ('' for none): another row names it as its parent. */
  readonly ref: string;
  /** Another row's ref, or the address of a place the district has ('' for none). */
  readonly parentRef: string;
  readonly gridCode: string;
  readonly kind: string;
  readonly name: string;
  readonly address: string;
  /** null: no point; 'invalid': the reader has already reported why. */
  readonly point: { readonly lon: number; readonly lat: number } | null | 'invalid';
  /** How the file calls each value, for problems: a CSV column, or a JSON path of a GeoJSON feature. */
  readonly field: (key: PlaceRowKey) => string;
}

export type PlaceRowKey = 'ref' | 'parentRef' | 'gridCode' | 'kind' | 'name' | 'address' | 'lon' | 'lat' | 'point';

export interface ExistingGridForPlaces {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface ExistingPlace {
  readonly id: string;
  readonly gridId: string;
  readonly parentPlaceId: string | null;
  readonly kind: PlaceKind;
  readonly name: string;
  readonly address: string;
  readonly lon: number | null;
  readonly lat: number | null;
}

/** What the district holds, as far as the rows of a file need it. */
export interface PlaceImportContext {
  /** The district's active grids by code (and by id, to name the holder of an address). */
  readonly gridsByCode: ReadonlyMap<string, ExistingGridForPlaces>;
  readonly gridsById: ReadonlyMap<string, ExistingGridForPlaces>;
  /** Registered places by normalised address: at least those the file's addresses and parent refs name. */
  readonly placesByAddress: ReadonlyMap<string, ExistingPlace>;
  /** A grid's boundary as it will be when the places are registered (a GeoJSON file may set it first). */
  readonly boundaryOf: (gridId: string) => BoundaryGeometry | null;
}

export type PlannedPlaceParent =
  { readonly kind: 'row'; readonly ref: string } | { readonly kind: 'place'; readonly placeId: string } | null;

export interface PlannedPlace {
  readonly line: number;
  readonly ref: string;
  readonly gridId: string;
  readonly parent: PlannedPlaceParent;
  readonly kind: PlaceKind;
  readonly name: string;
  /** Normalised, as it is stored. */
  readonly address: string;
  readonly point: { readonly lon: number; readonly lat: number } | null;
  readonly action: { readonly kind: 'create' } | { readonly kind: 'unchanged'; readonly placeId: string };
}

/** Parents before children: a courtyard before its buildings, a building before its stairwells and points of interest. */
const depthOfKind: Record<PlaceKind, number> = { courtyard: 0, building: 1, stairwell: 2, poi: 2 };

const MAX_NAME = 60;
const MAX_ADDRESS = 120;

/**
 * Validates every place row of a file against the district and plans it, with the rules of registering one place
 * (POST /places): a known kind, a name, an address that normalises to something and is unique in the district, an
 * active grid of the district, a parent of an allowed kind, a point within the grid's boundary. Every problem of
 * every row is collected; any problem plans nothing. A row whose normalised address is already registered in the
 * same grid is that place: `unchanged` when kind, name, point and parent agree, a problem otherwise (an import
 * adds places, it does not edit them); registered in another grid, it is a problem. Planned places come parents first.
 */
export function planPlaceImport(
  rows: readonly PlaceRowInput[],
  context: PlaceImportContext,
  report: Report,
): PlannedPlace[] {
  const byRef = new Map<string, PlaceRowInput>();
  for (const row of rows) {
    if (row.ref === '') continue;
    const first = byRef.get(row.ref);
    if (first) report(row.line, row.field('ref'), `duplicate ref ${row.ref} (first on line ${first.line})`);
    else byRef.set(row.ref, row);
  }

  const checked = rows.map((row) => checkRow(row, context, report));
  const addressLines = new Map<string, number>();
  for (const { row, address } of checked) {
    if (address === null) continue;
    const first = addressLines.get(address);
    if (first !== undefined) report(row.line, row.field('address'), `the address ${address} is also on line ${first}`);
    else addressLines.set(address, row.line);
  }

  const kindOfRef = new Map(
    checked.filter((c) => c.row.ref !== '' && byRef.get(c.row.ref) === c.row).map((c) => [c.row.ref, c]),
  );
  const ordered = [...checked].sort(
    (a, b) => (a.kind ? depthOfKind[a.kind] : 9) - (b.kind ? depthOfKind[b.kind] : 9) || a.row.line - b.row.line,
  );
  const matchedId = new Map<string, string | null>();
  const planned: PlannedPlace[] = [];

  for (const { row, kind, address, grid, point } of ordered) {
    // Parent: a ref of the file wins over the address of a registered place.
    let parent: PlannedPlaceParent | undefined = null;
    let parentKind: PlaceKind | null = null;
    let parentId: string | null | undefined = null;
    if (row.parentRef !== '') {
      const parentRow = kindOfRef.get(row.parentRef);
      const parentPlace = parentRow ? undefined : context.placesByAddress.get(normaliseAddress(row.parentRef));
      if (parentRow) {
        parent = { kind: 'row', ref: row.parentRef };
        parentKind = parentRow.kind;
        parentId = matchedId.get(row.parentRef) ?? 'a new place';
      } else if (parentPlace) {
        parent = { kind: 'place', placeId: parentPlace.id };
        parentKind = parentPlace.kind;
        parentId = parentPlace.id;
      } else {
        parent = undefined;
        report(
          row.line,
          row.field('parentRef'),
          `${row.parentRef} is neither a ref in this file nor the address of a place registered in the district`,
        );
      }
      if (parentRow?.row === row) report(row.line, row.field('parentRef'), 'a place cannot be its own parent');
    }
    if (kind && parentKind) {
      const verdict = checkPlaceParent(kind, parentKind);
      if (!verdict.allowed) report(row.line, row.field('parentRef'), verdict.reason);
    }

    let existingId: string | null = null;
    const existing = address === null ? undefined : context.placesByAddress.get(address);
    if (existing && grid && existing.gridId !== grid.id) {
      const holder = context.gridsById.get(existing.gridId);
      report(
        row.line,
        row.field('address'),
        `${address} is already registered in grid ${holder ? `${holder.name} (${holder.code})` : existing.gridId} as ${existing.kind} ${existing.name}`,
      );
    } else if (existing && grid) {
      const differences = [
        kind !== null && kind !== existing.kind ? `kind ${existing.kind}` : null,
        row.name !== '' && row.name !== existing.name ? `name ${existing.name}` : null,
        point !== undefined && !samePoint(point, existing)
          ? `point ${existing.lon === null ? '(none)' : `${existing.lon},${existing.lat}`}`
          : null,
        parent !== undefined && (parentId ?? null) !== existing.parentPlaceId
          ? `a different parent place (${existing.parentPlaceId ?? 'none'})`
          : null,
      ].filter((d): d is string => d !== null);
      if (differences.length > 0) {
        report(
          row.line,
          row.field('address'),
          `${address} is already registered here with ${differences.join(', ')}; an import adds places, it does not change them`,
        );
      }
      existingId = existing.id;
    }
    if (row.ref !== '') matchedId.set(row.ref, existingId);

    if (kind && address !== null && grid && point !== undefined && parent !== undefined) {
      planned.push({
        line: row.line,
        ref: row.ref,
        gridId: grid.id,
        parent,
        kind,
        name: row.name,
        address,
        point,
        action: existingId ? { kind: 'unchanged', placeId: existingId } : { kind: 'create' },
      });
    }
  }
  return planned;
}

interface CheckedRow {
  readonly row: PlaceRowInput;
  readonly kind: PlaceKind | null;
  readonly address: string | null;
  readonly grid: ExistingGridForPlaces | null;
  /** undefined: invalid (reported). */
  readonly point: { readonly lon: number; readonly lat: number } | null | undefined;
}

/** The checks of one row on its own: values, the grid, the point within the grid's boundary. */
function checkRow(row: PlaceRowInput, context: PlaceImportContext, report: Report): CheckedRow {
  const kind = (placeKinds as readonly string[]).includes(row.kind) ? (row.kind as PlaceKind) : null;
  if (!kind)
    report(
      row.line,
      row.field('kind'),
      `${row.kind === '' ? 'missing kind' : `unknown kind ${row.kind}`}; expected one of ${placeKinds.join(', ')}`,
    );

  if (row.name === '') report(row.line, row.field('name'), 'missing name');
  else if (row.name.length > MAX_NAME) report(row.line, row.field('name'), `longer than ${MAX_NAME} characters`);

  let address: string | null = normaliseAddress(row.address);
  if (row.address.length > MAX_ADDRESS) report(row.line, row.field('address'), `longer than ${MAX_ADDRESS} characters`);
  if (address === '') {
    report(
      row.line,
      row.field('address'),
      row.address === '' ? 'missing address' : 'address must contain more than white space',
    );
    address = null;
  }

  const grid = row.gridCode === '' ? null : (context.gridsByCode.get(row.gridCode) ?? null);
  if (row.gridCode === '') report(row.line, row.field('gridCode'), 'missing grid code');
  else if (!grid)
    report(row.line, row.field('gridCode'), `${row.gridCode} is not the code of an active grid of the district`);

  let point: CheckedRow['point'] = row.point === 'invalid' ? undefined : row.point;
  if (point) {
    if (!(point.lon >= -180 && point.lon <= 180))
      report(row.line, row.field('lon'), `longitude ${point.lon} is not within [-180, 180] (longitude comes first)`);
    if (!(point.lat >= -90 && point.lat <= 90))
      report(row.line, row.field('lat'), `latitude ${point.lat} is not within [-90, 90]`);
    const boundary = grid ? context.boundaryOf(grid.id) : null;
    if (!(point.lon >= -180 && point.lon <= 180 && point.lat >= -90 && point.lat <= 90)) point = undefined;
    else if (grid && boundary && !geometryContains(boundary, point.lon, point.lat)) {
      report(
        row.line,
        row.field('point'),
        `the point (${point.lon}, ${point.lat}) lies outside the boundary of grid ${grid.name} (${grid.code})`,
      );
    }
  }
  return { row, kind, address, grid, point };
}

function samePoint(point: { lon: number; lat: number } | null, place: ExistingPlace): boolean {
  return point === null ? place.lon === null : place.lon === point.lon && place.lat === point.lat;
}
