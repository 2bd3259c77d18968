import { useQuery } from '@tanstack/react-query';
import { call } from '../client';
import { unwrap } from './query-client';

/** The digest's cache key (a surface shows one project's roadmap, so the project is implicit, as in keys.ts). */
export const DIGEST_QUERY_KEY = ['digest'] as const;

/** The roadmap's daily digest as this viewer may see it, and their own last visit: one invoke, cached for the page. */
export function useDigestQuery() {
  return useQuery({ queryKey: DIGEST_QUERY_KEY, queryFn: async () => unwrap(await call('getDigest', {})) });
}
