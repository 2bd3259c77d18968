/**
 * List cells (Business goals, Depends on, Epics) hold several names in one cell, separated by `;` (the export writes
 * `; `). A name that could be misread is written in double quotes, with `""` for a quote inside, as CSV does:
 *
 * - a name containing `;` (`"Enterprise; SOC 2"`),
 * - a name starting with `"` (`"""Quoted"" plan"`),
 * - a name that looks like a reference (`I-7`, `G-2`, `TR-28`): unquoted, such a piece names an initiative, goal or
 *   epic by its id or key; quoted, it is always a title. The export writes a reference only where a title would be
 *   ambiguous (two initiatives with the same title) or unknown to Jira (an epic the exporter cannot see).
 *
 * Reading is lenient for hand-written tables: a quote anywhere but at the start of a piece is an ordinary character,
 * and a quote that is never closed is read as text.
 */

export interface ListItem {
  text: string;
  /** Written in quotes: always a name, never a reference. */
  quoted: boolean;
}

/** What an unquoted reference looks like: an initiative or goal id (`I-7`, `G-2`) or a Jira key (`TR-28`). */
export const REFERENCE_LIKE = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

const needsQuotes = (name: string) => name.includes(';') || name.startsWith('"') || REFERENCE_LIKE.test(name.trim()) || name !== name.trim();

export const quoteName = (name: string): string => (needsQuotes(name) ? `"${name.replace(/"/g, '""')}"` : name);

/** A list cell: names are quoted where needed (see above), references are written as they are. */
export function writeList(items: ReadonlyArray<{ name: string } | { reference: string }>): string {
  return items.map((item) => ('name' in item ? quoteName(item.name) : item.reference)).join('; ');
}

/** The pieces of a list cell, trimmed, empty pieces dropped. */
export function readList(cell: string): ListItem[] {
  const items: ListItem[] = [];
  let i = 0;
  const push = (text: string, quoted: boolean) => {
    const trimmed = quoted ? text : text.trim();
    if (trimmed.length > 0) items.push({ text: trimmed, quoted });
  };
  while (i < cell.length) {
    while (i < cell.length && /\s/.test(cell[i])) i += 1;
    if (i >= cell.length) break;
    const start = i;
    if (cell[i] === '"') {
      let text = '';
      let j = i + 1;
      let closed = false;
      while (j < cell.length) {
        if (cell[j] === '"') {
          if (cell[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        text += cell[j];
        j += 1;
      }
      let k = j;
      while (k < cell.length && /\s/.test(cell[k])) k += 1;
      if (closed && (k >= cell.length || cell[k] === ';')) {
        push(text, true);
        i = k + 1;
        continue;
      }
      // Not a well-formed quoted name: read the piece as plain text.
      i = start;
    }
    const end = cell.indexOf(';', i);
    const stop = end === -1 ? cell.length : end;
    push(cell.slice(start, stop), false);
    i = stop + 1;
  }
  return items;
}
