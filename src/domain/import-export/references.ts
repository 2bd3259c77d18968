import { LIST_SEPARATOR, nameKey } from './columns';

/** What a name in a list cell resolves to: one thing, nothing, or several equally good things. */
export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'unknown' } | { kind: 'ambiguous' };

export interface Resolved<T> {
  found: T[];
  unknown: string[];
  ambiguous: string[];
}

/**
 * Resolves the names of a `; `-joined list cell. A name may itself contain `; ` (the export does not escape it),
 * so a piece that resolves to nothing is retried joined with the pieces after it. Duplicates are dropped.
 */
export function resolveNames<T>(pieces: readonly string[], lookup: (name: string) => Lookup<T>): Resolved<T> {
  const result: Resolved<T> = { found: [], unknown: [], ambiguous: [] };
  const seen = new Set<string>();
  let i = 0;
  while (i < pieces.length) {
    let consumed = 1;
    let outcome = lookup(pieces[i]);
    for (let j = i + 1; outcome.kind === 'unknown' && j < pieces.length; j += 1) {
      const joined = lookup(pieces.slice(i, j + 1).join(LIST_SEPARATOR));
      if (joined.kind !== 'unknown') {
        outcome = joined;
        consumed = j - i + 1;
      }
    }
    const name = pieces.slice(i, i + consumed).join(LIST_SEPARATOR);
    if (outcome.kind === 'found') {
      const key = JSON.stringify(outcome.value);
      if (!seen.has(key)) {
        seen.add(key);
        result.found.push(outcome.value);
      }
    } else if (outcome.kind === 'ambiguous') result.ambiguous.push(name);
    else result.unknown.push(name);
    i += consumed;
  }
  return result;
}

/** Groups things by the case- and space-insensitive key of their name. */
export function indexByName<T>(items: readonly T[], nameOf: (item: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const key = nameKey(nameOf(item));
    index.set(key, [...(index.get(key) ?? []), item]);
  }
  return index;
}
