/**
 * GitHub-flavoured Markdown pipe tables: a header row, a `|---|---|` delimiter row, then data rows; the outer pipes
 * are optional. A cell is one line, so its text is escaped (and read back) like this, which GitHub and Confluence
 * render as the text itself:
 *
 * - a backslash before ASCII punctuation makes it literal, as in Markdown: `\\` is `\`, `\|` is `|` (the export
 *   writes every backslash as `\\`, every pipe as `\|`); a backslash before anything else is itself;
 * - `<br>` (also `<br/>`, `<BR >`) is a line feed (LF);
 * - `&#13;` is a carriage return (CR), so CRLF is `&#13;<br>` and text keeps its exact line ends;
 * - a literal `<br>` or `&#13;` in the text is written `\<br>` / `\&#13;` (an escaped `<` or `&` is never a break).
 */

export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

interface SplitLine {
  cells: string[];
  /** Whether the line ends with an unescaped pipe (an outer pipe). */
  trailingPipe: boolean;
  pipes: number;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Splits a line at unescaped pipes; escapes stay in the cells (decodeCell reads them). */
function splitLine(line: string): SplitLine {
  const text = line.trim();
  const cells: string[] = [];
  let cell = '';
  let pipes = 0;
  let trailingPipe = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    trailingPipe = false;
    if (ch === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1])) {
      cell += ch + text[i + 1];
      i += 1;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
      pipes += 1;
      trailingPipe = true;
    } else cell += ch;
  }
  cells.push(cell);
  return { cells, trailingPipe, pipes };
}

const BREAK = /^<br\s*\/?>/i;
const CR = '&#13;';

/** A cell's text: escapes, line breaks and carriage returns read as the module comment says. */
export function decodeCell(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length && ASCII_PUNCTUATION.test(raw[i + 1])) {
      out += raw[i + 1];
      i += 1;
      continue;
    }
    if (ch === '<') {
      const br = BREAK.exec(raw.slice(i, i + 12));
      if (br) {
        out += '\n';
        i += br[0].length - 1;
        continue;
      }
    }
    if (ch === '&' && raw.startsWith(CR, i)) {
      out += '\r';
      i += CR.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

function cellsOf(line: string): string[] {
  const { cells, trailingPipe } = splitLine(line);
  const start = line.trim().startsWith('|') ? 1 : 0;
  const end = trailingPipe ? cells.length - 1 : cells.length;
  return cells.slice(start, end).map((cell) => decodeCell(cell.trim()).trim());
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

function isDelimiterRow(line: string): boolean {
  if (!line.includes('|')) return false;
  const cells = cellsOf(line);
  return cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell));
}

const isBlank = (line: string) => line.trim().length === 0;
const hasPipe = (line: string) => splitLine(line).pipes > 0;

/** The first pipe table in the text (prose before and after is ignored), or null when there is none. */
export function findMarkdownTable(text: string): MarkdownTable | null {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i + 1 < lines.length; i += 1) {
    if (!hasPipe(lines[i]) || !isDelimiterRow(lines[i + 1])) continue;
    const header = cellsOf(lines[i]);
    const rows: string[][] = [];
    for (let j = i + 2; j < lines.length; j += 1) {
      if (isBlank(lines[j])) continue;
      if (!hasPipe(lines[j])) break;
      rows.push(cellsOf(lines[j]));
    }
    return { header, rows };
  }
  return null;
}

export function escapeMarkdownCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/<(?=br\s*\/?>)/gi, '\\<')
    .replace(/&(?=#13;)/g, '\\&')
    .replace(/\r/g, CR)
    .replace(/\n/g, '<br>');
}

export function writeMarkdownTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  const delimiter = `|${header.map(() => '---').join('|')}|`;
  return [line(header), delimiter, ...rows.map(line)].join('\n') + '\n';
}
