import type { Initiative } from '../model';

/**
 * Facts about an initiative that several rules need and must agree on.
 */

/** Still to be delivered: neither done nor dropped. Prioritisation, staleness and backlog checks only look at these. */
export function isOpen(initiative: Pick<Initiative, 'status'>): boolean {
  return initiative.status !== 'done' && initiative.status !== 'dropped';
}

/**
 * The effort estimate in the roadmap's capacity unit: the explicit effort, else the RICE effort (the model states
 * both use the same unit), else null — "not estimated", which is never treated as zero.
 */
export function effortOf(initiative: Pick<Initiative, 'effort' | 'rice'>): number | null {
  if (initiative.effort !== null) return initiative.effort;
  return initiative.rice?.effort ?? null;
}

/** How the UI names an initiative in a message: `“Centralize logging” (I-2)`. */
export function describeInitiative(initiative: Pick<Initiative, 'id' | 'title'>): string {
  return `“${initiative.title}” (${initiative.id})`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Case-insensitive, number-aware order for titles (`Step 2` before `Step 10`), used in tie-breaks. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Order of ids of one kind (`I-2` before `I-10`). Ids are a fixed prefix plus digits, so a shorter id is a smaller
 * number; this avoids the collator, which is the slow part of sorting thousands of ids.
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
