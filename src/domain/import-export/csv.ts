/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF (LF and CR alone are accepted too); a field in double
 * quotes may hold commas, line breaks and doubled quotes (`""` is one `"`). A leading byte-order mark is dropped.
 * Line breaks inside a quoted field are read exactly as written (CR, LF, CRLF), so text round-trips byte for byte.
 */

export interface CsvRecords {
  records: string[][];
  /** Set when the text ends inside a quoted field; `records` then holds what came before it. */
  error: { record: number; message: string } | null;
}

export function readCsv(text: string): CsvRecords {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"' && field.length === 0) {
      // A quoted field: read to the closing quote; "" inside is a literal quote.
      const start = records.length;
      i += 1;
      let closed = false;
      while (i < input.length) {
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        field += input[i];
        i += 1;
      }
      if (!closed) return { records, error: { record: start, message: 'A quoted field is never closed (missing ")' } };
      // Text between the closing quote and the next separator is kept, as most spreadsheets do.
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field.length > 0 || record.length > 0) endRecord();
  return { records, error: null };
}

/**
 * Cells starting with `=`, `+`, `-`, `@`, tab or CR are run as formulas by spreadsheets (CSV injection), so the
 * export prefixes them with `'`; the import takes exactly one such `'` off again, so values round-trip.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records → CSV text with CRLF line ends (and one after the last record). */
export function writeCsv(records: ReadonlyArray<ReadonlyArray<string>>): string {
  return records.map((record) => record.map((value) => quoteField(guardFormula(value))).join(',') + '\r\n').join('');
}
