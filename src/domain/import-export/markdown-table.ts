/**
 * GitHub-flavoured Markdown pipe tables: a header row, a `|---|---|` delimiter row, then data rows; the outer pipes
 * are optional. In a cell `\|` is a literal pipe, `\\` a backslash, and `<br>` a line break.
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

function splitLine(line: string): SplitLine {
  const text = line.trim();
  const cells: string[] = [];
  let cell = '';
  let pipes = 0;
  let trailingPipe = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    trailingPipe = false;
    if (ch === '\\' && (text[i + 1] === '|' || text[i + 1] === '\\')) {
      cell += text[i + 1];
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

const BREAK = /<br\s*\/?>/gi;

function cellsOf(line: string): string[] {
  const { cells, trailingPipe } = splitLine(line);
  const start = line.trim().startsWith('|') ? 1 : 0;
  const end = trailingPipe ? cells.length - 1 : cells.length;
  return cells.slice(start, end).map((cell) => cell.replace(BREAK, '\n').trim());
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
    .replace(/\r\n|\r|\n/g, '<br>');
}

export function writeMarkdownTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
  const delimiter = `|${header.map(() => '---').join('|')}|`;
  return [line(header), delimiter, ...rows.map(line)].join('\n') + '\n';
}
