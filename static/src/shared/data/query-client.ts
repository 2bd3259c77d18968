import { QueryClient } from '@tanstack/react-query';
import type { ApiError, Result } from '../../../../src/domain/api';

/** A resolver's error answer, thrown so the query cache records it as the query's error. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

/** The resolver's answer as a query result: the value, or an ApiFailure thrown. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error);
}

/** What a failed query shows: the resolver's error, or an UPSTREAM one for anything else. */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.error;
  return { code: 'UPSTREAM', message: error instanceof Error ? error.message : 'Something went wrong. Try again.' };
}

/**
 * One cache per surface (each surface is its own iframe). Nothing refetches by itself: a write answers with the fresh
 * view and the cache is updated from it; the user's "Reload" refetches. The resolvers already retry what Forge lets
 * them retry, so the cache does not.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
