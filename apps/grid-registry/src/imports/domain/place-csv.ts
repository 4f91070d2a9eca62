import type { CsvRecord } from './csv';
import { type CsvRow, readCsvTable } from './csv-table';
import type { Report } from './import-problem';
import type { PlaceRowInput, PlaceRowKey } from './place-import-plan';

/** The columns of a place import file; grid_code, kind, name and address are required. */
export const placeImportColumns = ['ref', 'parent_ref', 'grid_code', 'kind', 'name', 'address', 'lon', 'lat'] as const;
const requiredColumns = ['grid_code', 'kind', 'name', 'address'] as const;
type Column = (typeof placeImportColumns)[number];

const columnOf: Record<PlaceRowKey, string> = {
  ref: 'ref',
  parentRef: 'parent_ref',
  gridCode: 'grid_code',
  kind: 'kind',
  name: 'name',
  address: 'address',
  lon: 'lon',
  lat: 'lat',
  point: 'lon,lat',
};

/**
 * Reads a place import file into rows for `planPlaceImport`, reporting what only the file can get wrong (header,
 * field counts, a longitude or latitude that is not a number or comes without the other). The rows are answered
 * with the problems found so far, so the planner can add the rest.
 */
export function readPlaceCsv(records: readonly CsvRecord[], report: Report): PlaceRowInput[] | null {
  const table = readCsvTable(records, placeImportColumns, requiredColumns, report);
  if (!table.ok) {
    for (const { line, field, reason } of table.problems) report(line, field, reason);
    return null;
  }
  return table.rows.map((row) => ({
    line: row.line,
    ref: row.cell('ref'),
    parentRef: row.cell('parent_ref'),
    gridCode: row.cell('grid_code'),
    kind: row.cell('kind'),
    name: row.cell('name'),
    address: row.cell('address'),
    point: readPoint(row, report),
    field: (key) => columnOf[key],
  }));
}

function readPoint(row: CsvRow<Column>, report: Report): PlaceRowInput['point'] {
  const lonText = row.cell('lon');
  const latText = row.cell('lat');
  if (lonText === '' && latText === '') return null;
  if (lonText === '' || latText === '') {
    report(row.line, lonText === '' ? 'lon' : 'lat', 'lon and lat go together: give both or neither');
    return 'invalid';
  }
  const lon = Number(lonText);
  const lat = Number(latText);
  if (!Number.isFinite(lon)) report(row.line, 'lon', `${lonText} is not a number`);
  if (!Number.isFinite(lat)) report(row.line, 'lat', `${latText} is not a number`);
  return Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : 'invalid';
}
