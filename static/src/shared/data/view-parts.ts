import type { QueryClient } from '@tanstack/react-query';
import type { Result, RoadmapView } from '../../../../src/domain/api';
import { type ViewPart, type ViewPartRange, withViewPart } from '../../../../src/domain/view-pages';
import { QUERY_KEYS } from './keys';
import { newerView } from './roadmap-cache';

/**
 * The rest of a roadmap too large for one answer (src/domain/view-pages.ts). getRoadmapView's first answer is painted
 * at once; its `more` lists the parts still to come, which are fetched two at a time and merged into the cached view
 * strictly in order, so `QUERY_KEYS.view` always holds a valid RoadmapView (partial while `more` is left, whole at the
 * end). A part refused as stale, or a view whose revision moved (a write's delta landed meanwhile), starts it over.
 */

/** The part request a surface sends (getRoadmapViewPart), injected so tests can answer from the real resolvers. */
export type FetchViewPart = (request: { revision: number } & ViewPartRange) => Promise<Result<ViewPart>>;

/** Parts in flight at once: the invoke rate limit is per user, and two keep the link busy without flooding it. */
export const PARTS_IN_FLIGHT = 2;

interface Loader {
  cancelled: boolean;
  /** The view this loader put in the cache last: when the cache still holds it, the loader is up to date. */
  last: RoadmapView;
  done: Promise<void>;
}
const loaders = new WeakMap<QueryClient, Loader>();

/**
 * Called whenever the cached view changes (useRoadmapViewQuery's effect): starts loading the parts a partial view
 * waits for, leaves a loader alone that is merging its own parts, and starts over when the view moved under it.
 * Answers the running load (for tests), or null when there is nothing to load.
 */
export function ensureViewParts(client: QueryClient, fetchPart: FetchViewPart): Promise<void> | null {
  const shown = client.getQueryData<RoadmapView>(QUERY_KEYS.view);
  const current = loaders.get(client);
  if (current && !current.cancelled && current.last === shown) return current.done;
  if (current) current.cancelled = true;
  loaders.delete(client);
  const more = shown?.more;
  if (!shown || !more || more.failed) return null;
  if (more.revision !== shown.revision) {
    // A write's delta moved the view while parts were missing: what is left belongs to an older revision.
    void client.invalidateQueries({ queryKey: QUERY_KEYS.view });
    return null;
  }
  const loader: Loader = { cancelled: false, last: shown, done: Promise.resolve() };
  loader.done = loadParts(client, loader, fetchPart);
  loaders.set(client, loader);
  return loader.done;
}

async function loadParts(client: QueryClient, loader: Loader, fetchPart: FetchViewPart): Promise<void> {
  const { more } = loader.last;
  if (!more) return;
  const asked: Array<Promise<Result<ViewPart>>> = [];
  const ask = (k: number) => {
    if (k >= more.parts.length || loader.cancelled) return;
    asked[k] = fetchPart({ revision: more.revision, ...more.parts[k] }).catch((error: unknown): Result<ViewPart> => ({
      ok: false,
      error: { code: 'UPSTREAM', message: error instanceof Error ? error.message : String(error) },
    }));
  };
  for (let k = 0; k < PARTS_IN_FLIGHT; k++) ask(k);
  for (let k = 0; k < more.parts.length; k++) {
    const answer = await asked[k];
    if (loader.cancelled) return;
    ask(k + PARTS_IN_FLIGHT);
    const shown = client.getQueryData<RoadmapView>(QUERY_KEYS.view);
    // Someone else changed the view (a write, a refetch): their change calls ensureViewParts, which decides.
    if (shown !== loader.last) return;
    if (!answer.ok) {
      loader.cancelled = true;
      if (answer.error.code === 'CONFLICT') {
        void client.invalidateQueries({ queryKey: QUERY_KEYS.view });
        return;
      }
      // Any other failure stays on screen (the notice offers a reload) rather than retrying in a loop.
      client.setQueryData<RoadmapView>(QUERY_KEYS.view, { ...shown, more: { ...more, parts: shown.more?.parts ?? [], failed: answer.error } });
      return;
    }
    const merged = withViewPart(shown, answer.value);
    if (!merged) {
      loader.cancelled = true;
      void client.invalidateQueries({ queryKey: QUERY_KEYS.view });
      return;
    }
    // What the cache holds after its structural sharing (not necessarily `merged` itself) is what the loader put there.
    loader.last = merged;
    loader.last = client.setQueryData<RoadmapView>(QUERY_KEYS.view, merged) ?? merged;
  }
}

/**
 * The view a fetch should leave in the cache: the newer one (newerView), except that a first page does not replace
 * the whole view of the same revision already loaded (a background refetch would otherwise reload every part).
 */
export function keepLoadedView(shown: RoadmapView | undefined, next: RoadmapView): RoadmapView {
  const newer = newerView(shown, next);
  if (shown && newer === next && next.more && !shown.more && shown.revision === next.revision) return shown;
  return newer;
}
