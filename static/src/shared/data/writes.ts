import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MutationResult, Result, RoadmapView } from '../../../../src/domain/api';
import { call, type ResolverKey, type ResolverTypes } from '../client';
import { announce } from '../flags';
import { apiErrorOf, ApiFailure } from './query-client';
import { applyWriteAnswer, reloadAll, showsRoadmapView, showView } from './roadmap-cache';

/** Whether an answer is a write's (revision, change, delta): only those update the cache. */
function isWriteAnswer(value: unknown): value is MutationResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.revision === 'number' && typeof v.change === 'object' && v.change !== null && 'delta' in v;
}

/**
 * Sends a write and, when it lands, updates the cache from its answer (see applyWriteAnswer) and announces it with a
 * flag: the one invoke a write costs. Never throws, like `call`.
 */
export async function sendWrite<K extends ResolverKey>(
  client: QueryClient,
  key: K,
  payload: ResolverTypes[K]['payload'],
): Promise<Result<ResolverTypes[K]['value']>> {
  const result = await call(key, payload);
  if (result.ok && isWriteAnswer(result.value)) {
    applyWriteAnswer(client, result.value);
    // Jira announces a landed change with a flag; the change's own summary says what happened.
    announce(result.value.change.summary, { description: result.value.change.reason ? `Why: ${result.value.change.reason}` : undefined });
  }
  return result;
}

/** Fetches the newest view (after a CONFLICT), shows it, and hands it back. */
export async function fetchNewestView(client: QueryClient): Promise<Result<RoadmapView>> {
  const result = await call('getRoadmapView', {});
  if (result.ok) showView(client, result.value);
  return result;
}

/** `sendWrite` bound to this surface's cache. */
export function useWrite() {
  const client = useQueryClient();
  return useCallback(<K extends ResolverKey>(key: K, payload: ResolverTypes[K]['payload']) => sendWrite(client, key, payload), [client]);
}

/** Whether this surface shows a roadmap view (the project page, the macro): a form's CONFLICT can rebase onto it. */
export function useShowsRoadmap() {
  const client = useQueryClient();
  return useCallback(() => showsRoadmapView(client), [client]);
}

/** `fetchNewestView` bound to this surface's cache. */
export function useFetchNewestView() {
  const client = useQueryClient();
  return useCallback(() => fetchNewestView(client), [client]);
}

/** The "Reload roadmap" action of error messages. */
export function useReloadRoadmap() {
  const client = useQueryClient();
  return useCallback(() => void reloadAll(client), [client]);
}

/** Seeds the cache with a view obtained another way (startRoadmap answers with the new roadmap's view). */
export function useShowView() {
  const client = useQueryClient();
  return useCallback((view: RoadmapView) => showView(client, view), [client]);
}

/**
 * A write with no form — Mark reviewed, delete after a confirm, move a phase up or down, start the roadmap: one
 * mutation through `sendWrite`, so its pending state and error live in the data layer, not in the component.
 * `onSuccess` runs after the cache shows the answer (e.g. to close a confirm).
 */
export function useWriteAction<K extends ResolverKey>(key: K, options: { onSuccess?: (value: ResolverTypes[K]['value']) => void } = {}) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (payload: ResolverTypes[K]['payload']) => {
      const result = await sendWrite(client, key, payload);
      if (!result.ok) throw new ApiFailure(result.error);
      return result.value;
    },
    onSuccess: options.onSuccess,
  });
  return {
    run: mutation.mutate,
    pending: mutation.isPending,
    /** What the pending or last write was sent with (e.g. which phase is moving). */
    sent: mutation.variables,
    error: mutation.error ? apiErrorOf(mutation.error) : null,
    reset: mutation.reset,
  };
}
