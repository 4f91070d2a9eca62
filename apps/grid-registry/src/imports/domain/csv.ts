import { CsvError, Options, parse } from 'csv-parse/sync';

/** One record of a CSV file and the physical line it starts on (the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

export interface CsvProblem {
  readonly line: number;
  readonly reason: string;
}

export interface ParsedCsv {
  readonly records: CsvRecord[];
  readonly problems: CsvProblem[];
}

const reasons: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (missing ")',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote (a quote inside a field must be doubled: "")',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the quote)',
};

/**
 * RFC 4180 as read by csv-parse: fields separated by commas, records by CRLF, LF or a lone CR (old Mac and some
 * spreadsheet exports), a field in double quotes may hold commas, line breaks and doubled quotes (""). A leading
 * byte-order mark and blank lines are skipped, so a file saved by a spreadsheet reads the same as one written by
 * hand. Line ends are made LF first, so every record is numbered by the physical line it starts on, whichever
 * convention the file used. A broken record is left out and its problem collected with its line instead of thrown,
 * so a report can name it; after a broken quote the rest of the file cannot be read reliably, and the import that
 * reports it is refused as a whole.
 */
export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  // Where the next record starts: one past the line the previous record (or broken record) ended on.
  let nextLine = 1;
  let emptyLinesSoFar = 0;
  // Records and skipped records arrive in file order through the two callbacks. csv-parse 5.6 calls `on_skip` but
  // its type declarations do not list it yet.
  const options: Options & { on_skip: (error: CsvError | undefined) => void } = {
    bom: true,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], context: { lines: number; empty_lines: number }) => {
      records.push({ line: nextLine + (context.empty_lines - emptyLinesSoFar), fields: record });
      emptyLinesSoFar = context.empty_lines;
      nextLine = context.lines + 1;
      return null; // kept here, not in parse's own result
    },
    on_skip: (error: CsvError | undefined) => {
      if (!error) return;
      problems.push({ line: nextLine, reason: reasons[error.code] ?? error.message });
      nextLine = Math.max(nextLine, (error as CsvError & { lines?: number }).lines ?? nextLine) + 1;
    },
  };
  parse(text.replace(/\r\n?/g, '\n'), options);
  return { records, problems };
}
