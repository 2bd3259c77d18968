import { guardFormula, readCsv, unguardFormula, writeCsv } from '../../../src/domain/import-export/csv';

describe('readCsv (RFC 4180)', () => {
  it('reads plain records separated by LF or CRLF', () => {
    expect(readCsv('a,b,c\r\n1,2,3\n4,5,6').records).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const { records, error } = readCsv('"a, b","say ""hi""","line 1\r\nline 2"\r\nx,"",y\r\n');
    expect(error).toBeNull();
    expect(records).toEqual([
      ['a, b', 'say "hi"', 'line 1\r\nline 2'],
      ['x', '', 'y'],
    ]);
  });

  it('drops a byte-order mark and does not add a record for the final line break', () => {
    expect(readCsv('\uFEFFPhase,Initiative\r\n').records).toEqual([['Phase', 'Initiative']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(readCsv('a,,c,\n').records).toEqual([['a', '', 'c', '']]);
  });

  it('reports an unterminated quoted field and the record it starts in', () => {
    const { records, error } = readCsv('h1,h2\nok,row\n"never closed,x\n');
    expect(records).toEqual([
      ['h1', 'h2'],
      ['ok', 'row'],
    ]);
    expect(error).toEqual({ record: 2, message: expect.stringContaining('never closed') });
  });
});

describe('writeCsv', () => {
  it('quotes only what needs quoting and ends every record with CRLF', () => {
    expect(writeCsv([['plain', 'a,b', 'say "hi"', 'two\nlines', '']])).toBe('plain,"a,b","say ""hi""","two\nlines",\r\n');
  });

  it('neutralises spreadsheet formulas and reads them back unchanged', () => {
    for (const value of ['=SUM(A1)', '+1', '-x', '@cmd', "'=already", "'plain", 'plain']) {
      const cell = guardFormula(value);
      if (/^[=+\-@]/.test(value) || value.startsWith("'=")) expect(cell.startsWith("'")).toBe(true);
      expect(unguardFormula(cell)).toBe(value);
    }
    expect(guardFormula("'plain")).toBe("'plain");
  });

  it('round-trips awkward values through readCsv', () => {
    const rows = [['a,b', '"q"', 'x\r\ny', ' padded ', '=1+1', '']];
    const back = readCsv(writeCsv(rows)).records.map((r) => r.map(unguardFormula));
    expect(back).toEqual(rows);
  });
});
