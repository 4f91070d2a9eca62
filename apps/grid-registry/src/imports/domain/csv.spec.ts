import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain records with LF or CRLF line ends and skips blank lines', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3,\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
        { line: 4, fields: ['3', ''] },
      ],
      problems: [],
    });
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and numbers records by their first line', () => {
    const { records, problems } = parseCsv('name,addresses\n"金海社区, 北区","a ""b""\nc"\nlast,x');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['name', 'addresses'] },
      { line: 2, fields: ['金海社区, 北区', 'a "b"\nc'] },
      { line: 4, fields: ['last', 'x'] },
    ]);
  });

  it('ignores a byte-order mark and reads a last record without a line end', () => {
    expect(parseCsv('\ufeffref,name\nr1,街道').records).toEqual([
      { line: 1, fields: ['ref', 'name'] },
      { line: 2, fields: ['r1', '街道'] },
    ]);
  });

  it('reports an unterminated quote with the line it opened on', () => {
    const { records, problems } = parseCsv('a,b\n1,"open\n2,3\n');
    expect(records).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(problems).toEqual([{ line: 2, reason: expect.stringContaining('never closed') }]);
  });

  it('reports a stray quote with its line and keeps no broken record', () => {
    const { records, problems } = parseCsv('a,b\n1,x"y\n"q"z,2\n3,4\n');
    expect(records[0]).toEqual({ line: 1, fields: ['a', 'b'] });
    expect(records.map((r) => r.line)).not.toContain(2);
    expect(records.map((r) => r.line)).not.toContain(3);
    expect(problems[0]).toEqual({ line: 2, reason: expect.stringContaining('quote inside an unquoted field') });
  });

  it('reads a file with CR-only line ends (old Mac and some spreadsheet exports) as one record per line', () => {
    expect(parseCsv('ref,name\rr1,街道\r\rr2,社区\r')).toEqual({
      records: [
        { line: 1, fields: ['ref', 'name'] },
        { line: 2, fields: ['r1', '街道'] },
        { line: 4, fields: ['r2', '社区'] },
      ],
      problems: [],
    });
  });

  it('numbers records by their first line whatever the line ends, a quoted line break included', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",2\r\n3,4\r\n').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });
});
