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

/**
 * A small RFC 4180 reader: fields separated by commas, records by CRLF or LF, a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). A leading byte-order mark and blank lines are skipped, so a file
 * saved by a spreadsheet reads the same as one written by hand. Problems (an unterminated quote, text after a
 * closing quote) are collected with their line instead of thrown, so a report can name them all.
 */
export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let brokenRecord = false;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank && !brokenRecord) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    brokenRecord = false;
  };

  while (i < input.length) {
    const char = input[i];
    if (char === '"' && field === '') {
      // A quoted field: read to the closing quote, keeping commas and line breaks.
      const quoteLine = line;
      i += 1;
      let closed = false;
      while (i < input.length) {
        const c = input[i];
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      if (!closed) {
        problems.push({ line: quoteLine, reason: 'a quoted field is never closed (missing ")' });
        brokenRecord = true;
        break;
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        problems.push({ line, reason: 'text after a closing quote (a quote inside a field must be doubled: "")' });
        brokenRecord = true;
        while (i < input.length && input[i] !== ',' && input[i] !== '\n') i += 1;
      }
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (char === '\r' && input[i + 1] === '\n') {
      i += 1;
      continue;
    }
    if (char === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
      i += 1;
      continue;
    }
    if (char === '"') {
      problems.push({ line, reason: 'a quote inside an unquoted field (quote the whole field and double the quote)' });
      brokenRecord = true;
    }
    field += char;
    i += 1;
  }
  if (field !== '' || fields.length > 0 || brokenRecord) endRecord();
  return { records, problems };
}
