import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { RoadmapView } from '../../../../src/domain/api';
import { type Choice, choose, edited, type Equals, initialMergeState, type MergeState, type PendingConflict, rebase, unresolved } from '../three-way-merge';
import { flatten } from './paths';
import { describeValue, type RebaseNotice } from './write-state';

/** Per path: field values are compared as they are flattened (`patch.title`, `to.targetQuarter`). */
export type Flat = Record<string, unknown>;

export interface RebaseOptions<V extends FieldValues, S> {
  /** The stored thing the form edits as the page shows it now (undefined once it is gone). */
  source: S | undefined;
  revision: number;
  toValues: (source: S) => V;
  /** The stored thing in a fresh view; undefined when it is gone. Omit for a form that creates something. */
  select?: (view: RoadmapView) => S | undefined;
  /** Each field's name as the conflict notice says it, by path. */
  labels?: Record<string, string>;
  describe?: (path: string, value: unknown) => string | undefined;
  /** How a field compares, by path (default: deep equality). */
  equals?: Record<string, Equals>;
}

/** What the merge notice shows and what a submit waits for. */
export interface RebaseView<S = unknown> {
  notice: RebaseNotice | null;
  conflicts: Array<PendingConflict<Flat>>;
  taken: string[];
  unresolvedLabels: string[];
  labels: Record<string, string>;
  describe: (path: string, value: unknown) => string;
  choose: (path: string, choice: Choice) => void;
  /** Rebases onto a fresh view (after a CONFLICT); false when the stored thing is gone from it or there is none. */
  rebaseTo: (view: RoadmapView, conflictMessage: string | null) => boolean;
  /** The stored version the form is based on: build the payload against it. */
  base: { source: S; revision: number };
}

interface State<S> {
  merge: MergeState<Flat>;
  base: { source: S; revision: number };
  notice: RebaseNotice | null;
}

/**
 * Three-way rebasing for a form whose values react-hook-form holds. This keeps the stored version the form is based
 * on (the merge's base); on a newer version — after a CONFLICT (`rebaseTo`) or when the page shows a newer revision —
 * fields only I changed keep my value, fields only they changed take theirs, fields both changed wait for a choice.
 * The rebased base becomes the form's default values, so "dirty" and "send only what changed" follow it.
 */
export function useRebase<V extends FieldValues, S, P>(form: UseFormReturn<V, unknown, P>, paths: readonly string[], options: RebaseOptions<V, S>) {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const state = useRef<State<S> | null>(null);
  if (state.current === null) {
    if (options.source === undefined) throw new Error('A form needs the stored thing it opens with');
    state.current = {
      merge: initialMergeState(flatten(options.toValues(options.source), paths)),
      base: { source: options.source, revision: options.revision },
      notice: null,
    };
  }
  // Set while the form itself writes values (a rebase, a choice), so the watch below does not take them for typing.
  const writing = useRef(false);
  const quietly = (write: () => void) => {
    writing.current = true;
    try {
      write();
    } finally {
      writing.current = false;
    }
  };
  const set = (next: State<S>) => {
    state.current = next;
    rerender();
  };

  const rebaseOnto = useCallback(
    (theirs: S, theirRevision: number, conflictMessage: string | null, afterSave: boolean) => {
      const s = state.current!;
      if (theirRevision <= s.base.revision) return;
      const theirValues = optionsRef.current.toValues(theirs);
      const theirFlat = flatten(theirValues, paths);
      const next = rebase(s.merge, flatten(form.getValues(), paths), theirFlat, optionsRef.current.equals ?? {});
      // Their version becomes the defaults (what "unchanged" means); what I changed goes on top, as dirty.
      quietly(() => {
        form.reset(theirValues, { keepErrors: true });
        for (const path of paths) {
          if (next.values[path] !== theirFlat[path]) form.setValue(path as never, next.values[path] as never, { shouldDirty: true });
        }
      });
      const worthSaying = afterSave || next.state.taken.length > 0 || next.state.conflicts.length > 0;
      set({
        merge: next.state,
        base: { source: theirs, revision: theirRevision },
        notice: worthSaying ? { revision: theirRevision, conflictMessage, afterSave } : s.notice,
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `form`, `paths` and `set` are fixed for the form's life
    [],
  );

  // The page moved on to a newer revision (a reload, or another of this user's writes): rebase onto it.
  const { source, revision } = options;
  const rebasable = options.select !== undefined;
  useEffect(() => {
    if (source !== undefined && rebasable) rebaseOnto(source, revision, null, false);
  }, [source, revision, rebasable, rebaseOnto]);

  // Typing into a field both people changed settles it as "mine".
  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      const s = state.current!;
      if (writing.current || !name || !s.merge.conflicts.some((c) => c.field === name)) return;
      set({ ...s, merge: edited(s.merge, name, flatten(values as object, [name])[name]) });
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `form` and `set` are fixed for the form's life
  }, []);

  const s = state.current;
  const labels = options.labels ?? {};
  const view: RebaseView<S> = {
    notice: s.notice,
    conflicts: s.merge.conflicts,
    taken: s.merge.taken,
    unresolvedLabels: unresolved(s.merge).map((c) => labels[c.field] ?? c.field),
    labels,
    describe: (path, value) => optionsRef.current.describe?.(path, value) ?? describeValue(value),
    choose: (path, choice) => {
      const current = state.current!;
      const next = choose(current.merge, flatten(form.getValues(), paths), path, choice);
      quietly(() => form.setValue(path as never, next.values[path] as never, { shouldDirty: true }));
      set({ ...current, merge: next.state });
    },
    rebaseTo: (fresh, conflictMessage) => {
      const theirs = optionsRef.current.select?.(fresh);
      if (theirs === undefined) return false;
      rebaseOnto(theirs, fresh.revision, conflictMessage, true);
      return true;
    },
    base: s.base,
  };
  return view;
}
