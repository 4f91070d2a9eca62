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

  it('reports stray quotes and drops only the broken record', () => {
    const { records, problems } = parseCsv('a,b\n1,x"y\n"q"z,2\n3,4\n');
    expect(records.map((r) => r.line)).toEqual([1, 4]);
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });
});
