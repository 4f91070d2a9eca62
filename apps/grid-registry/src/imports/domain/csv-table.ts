import type { CsvRecord } from './csv';
import { type ImportProblem, MAX_IMPORT_ROWS, type Report } from './import-problem';

/** One data row of a CSV import: its line and its trimmed cells by column name ('' for an absent column). */
export interface CsvRow<Column extends string> {
  readonly line: number;
  cell(column: Column): string;
}

export type CsvTable<Column extends string> =
  { readonly ok: true; readonly rows: CsvRow<Column>[] } | { readonly ok: false; readonly problems: ImportProblem[] };

/**
 * Reads the header of an import file and gives its rows by column name. The file as a whole is refused (with
 * every header problem) when a column is unknown, repeated or a required one is missing, when it has no rows, or
 * more than MAX_IMPORT_ROWS. A row with a different number of fields than the header is reported on `report`
 * and still read, so its other problems are found too.
 */
export function readCsvTable<Column extends string>(
  records: readonly CsvRecord[],
  columns: readonly Column[],
  required: readonly Column[],
  report: Report,
): CsvTable<Column> {
  const problems: ImportProblem[] = [];
  const [header, ...body] = records;
  if (!header)
    return { ok: false, problems: [{ line: 1, field: 'file', reason: 'the file is empty: expected a header row' }] };
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const index = new Map<Column, number>();
  names.forEach((name, at) => {
    if (!(columns as readonly string[]).includes(name)) {
      problems.push({
        line: header.line,
        field: name || `column ${at + 1}`,
        reason: `unknown column; expected ${columns.join(', ')}`,
      });
    } else if (index.has(name as Column)) {
      problems.push({ line: header.line, field: name, reason: 'column appears twice' });
    } else {
      index.set(name as Column, at);
    }
  });
  for (const column of required)
    if (!index.has(column)) problems.push({ line: header.line, field: column, reason: 'required column is missing' });
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0)
    return { ok: false, problems: [{ line: header.line, field: 'file', reason: 'the file has a header but no rows' }] };
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      problems: [
        {
          line: body[MAX_IMPORT_ROWS].line,
          field: 'file',
          reason: `more than ${MAX_IMPORT_ROWS} rows; split the file`,
        },
      ],
    };
  }

  const rows = body.map(({ line, fields }): CsvRow<Column> => {
    if (fields.length !== names.length)
      report(line, 'row', `has ${fields.length} fields; the header has ${names.length}`);
    return {
      line,
      cell: (column) => {
        const at = index.get(column);
        return at === undefined ? '' : (fields[at] ?? '').trim();
      },
    };
  });
  return { ok: true, rows };
}
