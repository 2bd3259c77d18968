import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../src/domain/api';
import { call, type ResolverKey, type ResolverTypes } from './client';
import { loadContext, type SurfaceContext } from './context';

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'ok'; value: T; refreshing: boolean }
  | { status: 'error'; error: ApiError };

/**
 * Runs `load` on mount and whenever `reload()` is called. While reloading, the last value stays on screen
 * (`refreshing: true`) so a refetch after a write does not flash a spinner. Answers that arrive after a newer
 * request, or after unmount, are dropped.
 */
export function useRemote<T>(load: (() => Promise<Result<T>>) | null): Remote<T> & { reload: () => void } {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const enabled = load !== null;

  useEffect(() => {
    const fn = loadRef.current;
    if (!fn) return;
    const request = ++latest.current;
    setState((prev) => (prev.status === 'ok' ? { ...prev, refreshing: true } : { status: 'loading' }));
    fn().then((result) => {
      if (request !== latest.current) return;
      setState(result.ok ? { status: 'ok', value: result.value, refreshing: false } : { status: 'error', error: result.error });
    });
    return () => {
      // A newer request (or unmount) supersedes this one.
      latest.current += 1;
    };
  }, [generation, enabled]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** The resolver call as a `useRemote` loader. */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: ResolverTypes[K]['payload'] | null,
): Remote<ResolverTypes[K]['value']> & { reload: () => void } {
  const payloadRef = useRef(payload);
  payloadRef.current = payload;
  return useRemote(payload === null ? null : () => call(key, payloadRef.current as ResolverTypes[K]['payload']));
}

/** The Forge context of this surface, loaded once. */
export function useSurfaceContext(): SurfaceContext | null {
  const [ctx, setCtx] = useState<SurfaceContext | null>(null);
  useEffect(() => {
    let live = true;
    loadContext().then(
      (c) => live && setCtx(c),
      () => live && setCtx({ macroConfigInvalid: false }),
    );
    return () => {
      live = false;
    };
  }, []);
  return ctx;
}
