import { type ColumnKey, COLUMNS, headerOf, matchHeader, nameKey, TEMPLATE_COLUMNS } from './columns';
import { readCsv, unguardFormula } from './csv';
import { findMarkdownTable } from './markdown-table';
import { readRow, type RowCells } from './row-values';
import type { ParsedColumn, ParsedRow, ParseResult, RowError, TableFormat } from './types';

/** Bigger imports must be split: the preview and the write stay well inside a resolver's time budget. */
export const MAX_IMPORT_ROWS = 2000;

interface RawTable {
  header: string[];
  rows: string[][];
}

const tableError = (message: string): RowError => ({ row: 0, message, severity: 'error' });
const isEmptyRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

function readCsvTable(text: string): { table: RawTable | null; errors: RowError[] } {
  const { records, error } = readCsv(text);
  // Line ends inside a quoted field are kept as written (CR, LF or CRLF): text round-trips exactly.
  const cells = records.map((record) => record.map((value) => unguardFormula(value.trim())));
  const nonEmpty = cells.filter((record) => !isEmptyRow(record));
  const errors: RowError[] = [];
  if (error) {
    const dataRow = cells.slice(0, error.record).filter((record) => !isEmptyRow(record)).length; // header is row 0
    errors.push({ row: dataRow, message: error.message, severity: 'error' });
  }
  if (nonEmpty.length === 0) return { table: null, errors: [...errors, tableError('No table found: the CSV is empty')] };
  return { table: { header: nonEmpty[0], rows: nonEmpty.slice(1) }, errors };
}

function readMarkdown(text: string): { table: RawTable | null; errors: RowError[] } {
  const table = findMarkdownTable(text);
  if (!table) return { table: null, errors: [tableError('No table found: expected a header row, a |---| row, then rows')] };
  return { table: { header: table.header, rows: table.rows.filter((row) => !isEmptyRow(row)) }, errors: [] };
}

function matchColumns(header: string[]): { columns: ParsedColumn[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const seen = new Set<ColumnKey>();
  const columns = header.map((text): ParsedColumn => {
    const key = matchHeader(text);
    if (key === null) {
      if (text.trim() !== '') errors.push({ row: 0, column: text, message: `Unknown column "${text}" is ignored`, severity: 'warning' });
      return { header: text, key: null };
    }
    if (seen.has(key)) {
      errors.push({ row: 0, column: text, message: `Column "${text}" appears twice; only the first is read`, severity: 'warning' });
      return { header: text, key: null };
    }
    seen.add(key);
    return { header: text, key };
  });
  for (const column of COLUMNS) {
    if (seen.has(column.key)) continue;
    if (column.required) errors.push({ row: 0, column: column.header, message: `The table needs a "${column.header}" column`, severity: 'error' });
    else if (TEMPLATE_COLUMNS.includes(column.key)) {
      errors.push({ row: 0, column: column.header, message: `No "${column.header}" column; that field is left as it is`, severity: 'warning' });
    }
  }
  return { columns, errors };
}

function warnDuplicates(rows: readonly ParsedRow[]): RowError[] {
  const firstRow = new Map<string, number>();
  const warnings: RowError[] = [];
  for (const row of rows) {
    // Rows with distinct IDs (an export of initiatives that share a title) are distinct initiatives.
    const key = `${nameKey(row.phase)}\u0000${nameKey(row.title)}\u0000${row.id ?? ''}`;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row.row);
    else {
      warnings.push({
        row: row.row,
        column: headerOf('initiative'),
        message: `"${row.title}" is already in phase "${row.phase}" (row ${first})`,
        severity: 'warning',
      });
    }
  }
  return warnings;
}

/**
 * Markdown when the text holds a pipe table — unless its first line is a CSV header (at least two known columns, no
 * pipe): a CSV whose cells hold pipes and dashes must not pass for Markdown.
 */
export function detectFormat(text: string): TableFormat {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  if (!firstLine.includes('|')) {
    const header = readCsv(firstLine).records[0] ?? [];
    if (header.filter((cell) => matchHeader(cell) !== null).length >= 2) return 'csv';
  }
  return findMarkdownTable(text) ? 'markdown' : 'csv';
}

/**
 * Reads a roadmap table (the template's five columns, plus any of the export's) from pasted Markdown or CSV.
 * Nothing is resolved against a roadmap here; `previewImport` does that.
 */
export function parseRoadmapTable(text: string, format: TableFormat | 'auto'): ParseResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const resolved: TableFormat = format === 'auto' ? detectFormat(input) : format;
  const read = resolved === 'csv' ? readCsvTable(input) : readMarkdown(input);
  if (!read.table) return { format: resolved, columns: [], rows: [], errors: read.errors };

  const { columns, errors: headerErrors } = matchColumns(read.table.header);
  const errors = [...read.errors, ...headerErrors];
  if (errors.some((e) => e.severity === 'error' && e.row === 0)) return { format: resolved, columns, rows: [], errors };
  const dataRows = read.table.rows;
  if (dataRows.length > MAX_IMPORT_ROWS) {
    errors.push(tableError(`The table has ${dataRows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time (split it)`));
    return { format: resolved, columns, rows: [], errors };
  }

  const rows: ParsedRow[] = [];
  dataRows.forEach((cells, index) => {
    const row = index + 1;
    const byKey: RowCells = {};
    columns.forEach((column, i) => {
      if (column.key) byKey[column.key] = cells[i] ?? '';
    });
    const extra = cells.slice(columns.length).filter((cell) => cell.trim() !== '').length;
    if (extra > 0) errors.push({ row, message: `${extra} cell(s) beyond the header are ignored`, severity: 'warning' });
    const { value, issues } = readRow(row, byKey);
    errors.push(...issues);
    if (value) rows.push(value);
  });
  errors.push(...warnDuplicates(rows));
  errors.sort((a, b) => a.row - b.row);
  return { format: resolved, columns, rows, errors };
}
