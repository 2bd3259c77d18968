import type { BusinessGoal } from '../model';
import { nameKey } from './columns';
import { type ListItem, REFERENCE_LIKE } from './list-cell';
import type { PlanTarget } from './types';

/** What a name in a list cell resolves to: one thing, nothing, or several equally good things. */
export type Lookup<T> = { kind: 'found'; value: T } | { kind: 'unknown' } | { kind: 'ambiguous' };

export interface Resolved<T> {
  found: T[];
  unknown: string[];
  ambiguous: string[];
}

/**
 * Resolves the items of a list cell (see list-cell.ts). An unquoted item shaped like a reference (`I-7`, `G-2`) is
 * first tried as one (`byReference`), then as a name. A hand-written cell may hold an unquoted name containing `; `,
 * so an unquoted piece that resolves to nothing is retried joined with the unquoted pieces after it. Duplicates are
 * dropped.
 */
export function resolveNames<T>(
  items: readonly ListItem[],
  lookup: (name: string) => Lookup<T>,
  byReference: (reference: string) => T | null = () => null,
): Resolved<T> {
  const result: Resolved<T> = { found: [], unknown: [], ambiguous: [] };
  const seen = new Set<string>();
  const outcomeOf = (item: ListItem): Lookup<T> => {
    if (!item.quoted && REFERENCE_LIKE.test(item.text)) {
      const referenced = byReference(item.text);
      if (referenced !== null) return { kind: 'found', value: referenced };
    }
    return lookup(item.text);
  };
  let i = 0;
  while (i < items.length) {
    let consumed = 1;
    let outcome = outcomeOf(items[i]);
    for (let j = i + 1; outcome.kind === 'unknown' && !items[i].quoted && j < items.length && !items[j].quoted; j += 1) {
      const joined = lookup(
        items
          .slice(i, j + 1)
          .map((item) => item.text)
          .join('; '),
      );
      if (joined.kind !== 'unknown') {
        outcome = joined;
        consumed = j - i + 1;
      }
    }
    const name = items
      .slice(i, i + consumed)
      .map((item) => item.text)
      .join('; ');
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

/** An initiative a dependency may name: stored, or created by the import. */
export interface Candidate {
  target: PlanTarget;
  /** `e:<phase id>` or `n:<planned phase ref>`. */
  phaseKey: string;
  title: string;
}

/**
 * Dependency titles, as seen from a row in a phase: a title unique on the roadmap, or unique within the row's own
 * phase. The export uses the same lookup to decide when a title is enough and when it must write the id.
 */
export function dependencyLookup(candidates: readonly Candidate[]) {
  const index = indexByName(candidates, (c) => c.title);
  return (phaseKey: string) =>
    (name: string): Lookup<PlanTarget> => {
      const found = index.get(nameKey(name)) ?? [];
      if (found.length === 1) return { kind: 'found', value: found[0].target };
      const samePhase = found.filter((c) => c.phaseKey === phaseKey);
      if (samePhase.length === 1) return { kind: 'found', value: samePhase[0].target };
      return found.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous' };
    };
}

/** Business goal titles: a title two goals share is ambiguous (the export writes the goal's id instead). */
export function goalLookup(goals: readonly BusinessGoal[]) {
  const index = indexByName(goals, (g) => g.title);
  return (name: string): Lookup<string> => {
    const found = index.get(nameKey(name)) ?? [];
    if (found.length === 1) return { kind: 'found', value: found[0].id };
    return found.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous' };
  };
}
