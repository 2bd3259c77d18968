/**
 * Three-way merge of a form's fields, for re-applying an edit after someone else saved first (a CONFLICT).
 *
 * - base:   the stored values the form was opened with (or last rebased onto);
 * - mine:   the form's values now;
 * - theirs: the stored values at the newer revision.
 *
 * A field only I changed keeps my value; a field only they changed takes theirs; a field we both changed to the
 * same value takes it; a field we both changed to different values is a conflict the user settles (keep mine /
 * take theirs) before saving. After a rebase, theirs is the new base: the form's payload builder diffs the merged
 * values against it, so the next save sends exactly the fields this user changed and never one they did not.
 *
 * Pure (no React, no I/O): unit-tested in test/unit/ui/three-way-merge.test.ts.
 */

export type Equals = (a: unknown, b: unknown) => boolean;
/** Per-field equality overrides (default: `deepEqual`). */
export type FieldEquals<V> = { [K in keyof V]?: Equals };

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/**
 * Structural equality for form values: primitives by `Object.is` (so NaN equals NaN), arrays element by element
 * in order, plain objects key by key. A key whose value is `undefined` counts as absent, as it does once sent.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** Lists whose order means nothing (linked epic ids, dependencies, traced goals): equal when they hold the same items. */
export const sameItems: Equals = (a, b) => {
  if (!Array.isArray(a) || !Array.isArray(b)) return deepEqual(a, b);
  if (a.length !== b.length) return false;
  const rest: unknown[] = [...(b as unknown[])];
  for (const x of a) {
    const at = rest.findIndex((y) => deepEqual(x, y));
    if (at < 0) return false;
    rest.splice(at, 1);
  }
  return true;
};

/** Text compared as it is saved: the server trims, so "Faster builds " is no change from "Faster builds". */
export const sameText: Equals = (a, b) => (typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : deepEqual(a, b));

export interface FieldConflict<V, K extends keyof V = keyof V> {
  field: K;
  base: V[K];
  mine: V[K];
  theirs: V[K];
}

export interface ThreeWayResult<V> {
  /** The fields I changed relative to base, with my values (what my edit is). */
  patch: Partial<V>;
  /** The fields only they changed: the merged values take theirs. */
  theirsChanged: Array<keyof V>;
  /** The fields we both changed, to different values. The merged values hold mine until the user chooses. */
  conflicts: Array<FieldConflict<V>>;
  /** What the form shows after the merge. */
  merged: V;
}

function fieldsOf<V extends object>(...maps: V[]): Array<keyof V> {
  const keys = new Set<keyof V>();
  for (const m of maps) for (const k of Object.keys(m)) keys.add(k as keyof V);
  return [...keys];
}

const equalsFor = <V>(equals: FieldEquals<V>, field: keyof V): Equals => equals[field] ?? deepEqual;

/** Merges one form's field maps three ways (see the module comment). */
export function threeWayMerge<V extends object>(base: V, mine: V, theirs: V, equals: FieldEquals<V> = {}): ThreeWayResult<V> {
  const patch: Partial<V> = {};
  const theirsChanged: Array<keyof V> = [];
  const conflicts: Array<FieldConflict<V>> = [];
  const merged = { ...mine };
  for (const field of fieldsOf(base, mine, theirs)) {
    const eq = equalsFor(equals, field);
    const mineChanged = !eq(base[field], mine[field]);
    const theyChanged = !eq(base[field], theirs[field]);
    if (mineChanged) patch[field] = mine[field];
    if (mineChanged && theyChanged) {
      if (eq(mine[field], theirs[field])) merged[field] = theirs[field];
      else conflicts.push({ field, base: base[field], mine: mine[field], theirs: theirs[field] });
    } else if (theyChanged) {
      merged[field] = theirs[field];
      theirsChanged.push(field);
    }
    // Otherwise mine stays: unchanged (as I typed it) or changed by me alone.
  }
  return { patch, theirsChanged, conflicts, merged };
}

// ---------------------------------------------------------------- a form's merge state across rebases

export type Choice = 'mine' | 'theirs';

export interface PendingConflict<V> extends FieldConflict<V> {
  /** null until the user chooses; saving waits for a choice. */
  choice: Choice | null;
}

export interface MergeState<V> {
  /** The stored values the form is based on: what it opened with, then the version of the last rebase. */
  base: V;
  /** The fields the last rebase took from their version (the form now shows them). */
  taken: Array<keyof V>;
  conflicts: Array<PendingConflict<V>>;
}

export const initialMergeState = <V>(base: V): MergeState<V> => ({ base, taken: [], conflicts: [] });

/**
 * Rebases the form onto `theirs` (a newer stored version). Returns the new state (base = theirs) and the values the
 * form shows. A conflict still waiting for a choice from an earlier rebase stays open while my value differs from
 * the newest version (its "theirs" becomes the newest value).
 */
export function rebase<V extends object>(state: MergeState<V>, values: V, theirs: V, equals: FieldEquals<V> = {}): { state: MergeState<V>; values: V } {
  const result = threeWayMerge(state.base, values, theirs, equals);
  const conflicts: Array<PendingConflict<V>> = result.conflicts.map((c) => ({ ...c, choice: null }));
  for (const open of state.conflicts) {
    if (open.choice !== null || conflicts.some((c) => c.field === open.field)) continue;
    const field = open.field;
    if (!equalsFor(equals, field)(values[field], theirs[field])) {
      conflicts.push({ field, base: open.base, mine: values[field], theirs: theirs[field], choice: null });
    }
  }
  return { state: { base: theirs, taken: result.theirsChanged, conflicts }, values: result.merged };
}

/** The user settles one conflict: the form shows the chosen value (and can switch back until it saves). */
export function choose<V extends object>(state: MergeState<V>, values: V, field: keyof V, choice: Choice): { state: MergeState<V>; values: V } {
  const conflict = state.conflicts.find((c) => c.field === field);
  if (!conflict) return { state, values };
  return {
    state: { ...state, conflicts: state.conflicts.map((c) => (c.field === field ? { ...c, choice } : c)) },
    values: { ...values, [field]: choice === 'mine' ? conflict.mine : conflict.theirs },
  };
}

/** Typing into a conflicting field settles it as "mine", with what is typed now. */
export function edited<V extends object>(state: MergeState<V>, field: keyof V, value: V[keyof V]): MergeState<V> {
  if (!state.conflicts.some((c) => c.field === field)) return state;
  return { ...state, conflicts: state.conflicts.map((c) => (c.field === field ? { ...c, mine: value, choice: 'mine' as const } : c)) };
}

export const unresolved = <V>(state: MergeState<V>) => state.conflicts.filter((c) => c.choice === null);
