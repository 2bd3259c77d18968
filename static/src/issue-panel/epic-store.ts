import { useSyncExternalStore } from 'react';
import type { ApiError, EpicContext } from '../../../src/domain/api';
import { call } from '../shared/client';

/**
 * The panel's one answer (getEpicContext), kept here rather than in a query cache: the panel shows one thing, and
 * TanStack Query would be ~15 KB gzip of its first download. Same rules as the other surfaces' cache: asked once,
 * never refetched by itself; a landed link/unlink shows the epic its answer carries; "Reload" asks again. While a
 * reload runs the last answer stays shown (`reloading`); a failed one shows its error instead, as the query cache did.
 */
export interface EpicState {
  context: EpicContext | null;
  error: ApiError | null;
  /** A reload is under way with an answer already shown. */
  reloading: boolean;
}

let state: EpicState = { context: null, error: null, reloading: false };
let asked = 0;
let started = false;
const listeners = new Set<() => void>();

function set(next: EpicState) {
  state = next;
  for (const listener of listeners) listener();
}

/** Asks for the panel's context; only the latest ask's answer is shown. */
export function reloadEpicContext(): Promise<void> {
  started = true;
  const ask = ++asked;
  if (state.context !== null || state.error !== null) set({ ...state, reloading: true });
  return call('getEpicContext', {}).then((result) => {
    if (ask !== asked) return;
    set(result.ok ? { context: result.value, error: null, reloading: false } : { ...state, error: result.error, reloading: false });
  });
}

/** Shows an epic context obtained another way (a link or unlink answers with the epic as it now stands). */
export function showEpicContext(context: EpicContext): void {
  asked += 1;
  set({ context, error: null, reloading: false });
}

/** The state as it now stands, outside React (tests, and the hook below). */
export const epicState = (): EpicState => state;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!started) void reloadEpicContext();
  return () => listeners.delete(listener);
}

/** The panel's context as it now stands; the first subscriber asks for it. */
export function useEpicContext(): EpicState {
  return useSyncExternalStore(subscribe, epicState);
}
