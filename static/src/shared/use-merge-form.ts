import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoadmapView } from '../../../src/domain/api';
import {
  type Choice,
  type FieldEquals,
  type MergeState,
  type PendingConflict,
  choose as chooseIn,
  edited,
  initialMergeState,
  rebase,
  unresolved as unresolvedIn,
} from './three-way-merge';

/** Why the form was rebased, for the notice above it. */
export interface RebaseNotice {
  /** The revision the form is now based on. */
  revision: number;
  /** Set when a save was refused with CONFLICT: the server's "who changed what since". */
  conflictMessage: string | null;
  /** Whether the rebase followed this user's refused save (rather than the page showing a newer revision). */
  afterSave: boolean;
}

export interface MergeFormOptions<V extends object, S> {
  /** The stored thing the form edits, as the page shows it now (undefined once it is gone). */
  source: S | undefined;
  /** The revision of the view `source` comes from. */
  revision: number;
  /** The form's values for a stored thing (what it opens with). */
  toValues: (source: S) => V;
  /** The stored thing in a fresh view; undefined when it is no longer there. */
  select: (view: RoadmapView) => S | undefined;
  /** Each field's name, as the conflict notice says it. */
  labels: { [K in keyof V]?: string };
  /** A field's value as the conflict notice shows it; undefined for the default (the text, or a list's items). */
  describe?: (field: keyof V, value: unknown) => string | undefined;
  /** Per-field equality (default: deep equality). */
  equals?: FieldEquals<V>;
  /** False for a form that creates something (nothing stored to rebase onto): it only holds the values. */
  enabled?: boolean;
}

interface State<V, S> {
  values: V;
  merge: MergeState<V>;
  base: { source: S; revision: number };
  notice: RebaseNotice | null;
}

export interface MergeForm<V extends object, S> {
  values: V;
  /** Updates the values; a conflicting field that changes counts as settled with what is typed. */
  update: (change: (values: V) => V) => void;
  /** One field's setter. */
  set: <F extends keyof V>(field: F) => (value: V[F]) => void;
  /** The stored version the form is based on: build the payload against it (diff and baseRevision). */
  base: { source: S; revision: number };
  conflicts: Array<PendingConflict<V>>;
  unresolved: Array<PendingConflict<V>>;
  /** The names of the fields still waiting for a choice (saving waits for them). */
  unresolvedLabels: string[];
  /** The fields the last rebase took from the newer version. */
  taken: Array<keyof V>;
  notice: RebaseNotice | null;
  choose: (field: keyof V, choice: Choice) => void;
  /** Rebases onto a fresh view (after a CONFLICT); false when the stored thing is gone from it. */
  rebaseTo: (view: RoadmapView, conflictMessage: string | null) => boolean;
  labels: MergeFormOptions<V, S>['labels'];
  describe: (field: keyof V, value: unknown) => string;
}

/** How a value reads in the conflict notice when the form says nothing better. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? '(blank)' : value;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(describeValue).join(', ');
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * An edit form's values with three-way rebasing. Keeps the stored version the form opened with as its base; when a
 * newer version arrives — a CONFLICT made the write form fetch it (`rebaseTo`), or the page now shows a newer
 * revision — it rebases: fields only I changed keep my value, fields only they changed take theirs, fields we both
 * changed become conflicts the user settles (`choose`). The payload is built against `base`, so a save sends only
 * what this user changed, at the newest revision.
 */
export function useMergeForm<V extends object, S>(options: MergeFormOptions<V, S>): MergeForm<V, S> {
  const { source, revision, enabled = true } = options;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [state, setState] = useState<State<V, S>>(() => {
    if (source === undefined) throw new Error('useMergeForm needs the stored thing the form opens with');
    const values = options.toValues(source);
    return { values, merge: initialMergeState(values), base: { source, revision }, notice: null };
  });

  const rebaseOnto = useCallback((s: State<V, S>, theirs: S, theirRevision: number, conflictMessage: string | null, afterSave: boolean): State<V, S> => {
    if (theirRevision <= s.base.revision) return s;
    const next = rebase(s.merge, s.values, optionsRef.current.toValues(theirs), optionsRef.current.equals ?? {});
    const worthSaying = afterSave || next.state.taken.length > 0 || next.state.conflicts.length > 0;
    return {
      values: next.values,
      merge: next.state,
      base: { source: theirs, revision: theirRevision },
      notice: worthSaying ? { revision: theirRevision, conflictMessage, afterSave } : s.notice,
    };
  }, []);

  // The page moved on to a newer revision (a reload, or another of this user's writes): rebase onto it.
  useEffect(() => {
    if (source === undefined || !enabled) return;
    setState((s) => rebaseOnto(s, source, revision, null, false));
  }, [revision, source, enabled, rebaseOnto]);

  const rebaseTo = useCallback(
    (view: RoadmapView, conflictMessage: string | null) => {
      if (optionsRef.current.enabled === false) return false;
      const theirs = optionsRef.current.select(view);
      if (theirs === undefined) return false;
      setState((s) => rebaseOnto(s, theirs, view.revision, conflictMessage, true));
      return true;
    },
    [rebaseOnto],
  );

  const update = useCallback((change: (values: V) => V) => {
    setState((s) => {
      const values = change(s.values);
      let merge = s.merge;
      for (const c of s.merge.conflicts) {
        if (values[c.field] !== s.values[c.field]) merge = edited(merge, c.field, values[c.field]);
      }
      return { ...s, values, merge };
    });
  }, []);
  const set =
    <F extends keyof V>(field: F) =>
    (value: V[F]) =>
      update((v) => ({ ...v, [field]: value }));

  const choose = useCallback((field: keyof V, choice: Choice) => {
    setState((s) => {
      const next = chooseIn(s.merge, s.values, field, choice);
      return { ...s, values: next.values, merge: next.state };
    });
  }, []);

  const open = unresolvedIn(state.merge);
  return {
    values: state.values,
    update,
    set,
    base: state.base,
    conflicts: state.merge.conflicts,
    unresolved: open,
    unresolvedLabels: open.map((c) => options.labels[c.field] ?? String(c.field)),
    taken: state.merge.taken,
    notice: state.notice,
    choose,
    rebaseTo,
    labels: options.labels,
    describe: (field, value) => options.describe?.(field, value) ?? describeValue(value),
  };
}
