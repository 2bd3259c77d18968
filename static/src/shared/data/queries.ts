import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo } from 'react';
import type { Person, RoadmapView } from '../../../../src/domain/api';
import type { BoardDetails } from '../board';
import { call } from '../client';
import { loadContext, type SurfaceContext } from '../context';
import { QUERY_KEYS } from './keys';
import { unwrap } from './query-client';
import type { ChangelogPage } from './roadmap-cache';
import { ensureViewParts, type FetchViewPart, keepLoadedView } from './view-parts';

export const CHANGELOG_PAGE_SIZE = 10;

const fetchViewPart: FetchViewPart = (request) => call('getRoadmapViewPart', request);

/** The performance mark set each time a getRoadmapView answer arrives (read by the render bench). */
export const VIEW_ARRIVED_MARK = 'roadmap-view:arrived';

/**
 * The roadmap this surface shows. A refetch that raced a later write keeps the newer view (see newerView). A roadmap
 * too large for one answer paints its first page at once; the rest arrives in parts (view-parts.ts), `data.more`
 * saying what is still missing (ViewLoadingNotice shows it).
 */
export function useRoadmapViewQuery(options: { enabled?: boolean } = {}) {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: QUERY_KEYS.view,
    queryFn: async () => {
      const view = unwrap(await call('getRoadmapView', {}));
      // "Data arrived" for the render bench (bench/render-at-size.ts): the answer is in hand, about to enter the cache.
      performance.mark?.(VIEW_ARRIVED_MARK);
      return view;
    },
    structuralSharing: (shown, next) => keepLoadedView(shown as RoadmapView | undefined, next as RoadmapView),
    enabled: options.enabled ?? true,
  });
  const { data } = query;
  useEffect(() => {
    if (data?.more) void ensureViewParts(client, fetchViewPart);
  }, [client, data]);
  return query;
}

/** Epic progress from Jira, fetched apart from the view so the board shows at once. */
export function useProgressQuery() {
  return useQuery({ queryKey: QUERY_KEYS.progress, queryFn: async () => unwrap(await call('getProgress', {})) });
}

/** The changelog, newest first, a page at a time ("Show more"). */
export function useChangelogQuery() {
  return useInfiniteQuery({
    queryKey: QUERY_KEYS.changelog,
    queryFn: async ({ pageParam }): Promise<ChangelogPage> =>
      unwrap(await call('getChangelog', pageParam ? { limit: CHANGELOG_PAGE_SIZE, cursor: pageParam } : { limit: CHANGELOG_PAGE_SIZE })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The issue panel's epic: the initiatives it serves on the roadmaps the viewer may browse. */
export function useEpicContextQuery() {
  return useQuery({ queryKey: QUERY_KEYS.epicContext, queryFn: async () => unwrap(await call('getEpicContext', {})) });
}

/** The Forge context of this surface; a context that cannot be read counts as an empty one. */
export function useSurfaceContext(): SurfaceContext | null {
  const context = useQuery({
    queryKey: QUERY_KEYS.context,
    queryFn: () => loadContext().catch((): SurfaceContext => ({ macroConfigInvalid: false })),
  });
  return context.data ?? null;
}

/** getPeople takes at most this many ids at a time. */
const PEOPLE_PER_CALL = 100;

/**
 * Names and avatars for the account ids a view shows, looked up in bulk and cached per set. The viewer is always in
 * the set: a write of theirs adds them to the changelog without a new lookup.
 */
export function usePeople(accountIds: ReadonlyArray<string | null | undefined>): Map<string, Person> {
  const preset = useContext(PresetPeople);
  const me = useSurfaceContext()?.accountId;
  const ids = useMemo(
    () => [...new Set([...accountIds, me].filter((id): id is string => typeof id === 'string' && id !== ''))].sort().slice(0, PEOPLE_PER_CALL),
    [accountIds, me],
  );
  const people = useQuery({
    queryKey: [...QUERY_KEYS.people, ids.join(',')],
    queryFn: async () => unwrap(await call('getPeople', { accountIds: ids })).people,
    enabled: preset === null && ids.length > 0 && me !== undefined,
    // While a bigger set loads, the names already known stay on screen.
    placeholderData: keepPreviousData,
  });
  const found = useMemo(() => new Map((people.data ?? []).map((p) => [p.accountId, p])), [people.data]);
  return preset ?? found;
}

/**
 * People already looked up by the answer a surface shows (the macro config's preview, whose context names no
 * project to ask getPeople about): inside it, usePeople answers from them and asks nothing.
 */
export const PresetPeople = createContext<Map<string, Person> | null>(null);

/** The cards' goals and owners by name, for a view: one people lookup for the owners it shows. */
export function useBoardDetails(view: RoadmapView): BoardDetails {
  const owners = useMemo(() => [view.ownerAccountId, ...view.initiatives.map((i) => i.ownerAccountId)], [view]);
  const people = usePeople(owners);
  return useMemo(() => ({ goals: view.businessGoals, people }), [view.businessGoals, people]);
}

/** The owner picker's search: people Jira lets the caller find by the start of a name or e-mail. */
export function usePeopleSearch(query: string) {
  return useQuery({
    queryKey: [...QUERY_KEYS.people, 'search', query],
    queryFn: async () => unwrap(await call('findPeople', { query })).people,
    enabled: query.length > 0,
    // A search is worth keeping for a while, not for the whole session.
    staleTime: 60_000,
  });
}
