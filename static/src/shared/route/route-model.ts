/**
 * The project page's sub-routes (view.createHistory): which view is shown and the board's filters, as a path and a
 * query, so back/forward, reloads and shared links land on the same view. Pure: parse and format only.
 */

/** Views with a tab, in tab order. */
export const TAB_VIEWS = [
  'board',
  'timeline',
  'priorities',
  'dependencies',
  'capacity',
  'executive',
  'phases',
  'health',
  'drift',
  'debt',
  'changelog',
  'review',
] as const;
/** Views reached from the page header rather than a tab. */
export const HEADER_VIEWS = ['settings', 'import-export'] as const;
export type PageViewId = (typeof TAB_VIEWS)[number] | (typeof HEADER_VIEWS)[number];
const ALL_VIEWS: readonly string[] = [...TAB_VIEWS, ...HEADER_VIEWS];

export const VIEW_LABEL: Record<PageViewId, string> = {
  board: 'Board',
  timeline: 'Timeline',
  priorities: 'Priorities',
  dependencies: 'Dependencies',
  executive: 'Executive',
  phases: 'Phases',
  capacity: 'Capacity',
  health: 'Health',
  drift: 'Drift',
  debt: 'Debt',
  changelog: 'Changelog',
  review: 'Since last review',
  settings: 'Settings',
  'import-export': 'Import and export',
};

/** The board's filters; every one optional, all applied together. */
export interface BoardFilters {
  phase?: string;
  track?: string;
  owner?: string;
  goal?: string;
  text?: string;
}
export const FILTER_KEYS = ['phase', 'track', 'owner', 'goal', 'text'] as const satisfies readonly (keyof BoardFilters)[];

export interface PageRoute {
  view: PageViewId;
  filters: BoardFilters;
  /** An initiative the view should show: the board focuses its card, the changelog filters to it. */
  initiative?: string;
}

export const DEFAULT_ROUTE: PageRoute = { view: 'board', filters: {} };

/** Longest value kept from the query; longer ones are cut (a link cannot blow up the page). */
const MAX_PARAM = 200;

/** A location (history's `pathname` and `search`) as a route; anything unknown is the board. */
export function parseRoute(location: { pathname: string; search: string }): PageRoute {
  const segment = location.pathname.replace(/^\/+|\/+$/g, '').split('/')[0] ?? '';
  const view = (ALL_VIEWS.includes(segment) ? segment : 'board') as PageViewId;
  const query = new URLSearchParams(location.search);
  const read = (key: string) => {
    const value = query.get(key)?.trim().slice(0, MAX_PARAM);
    return value ? value : undefined;
  };
  const filters: BoardFilters = {};
  for (const key of FILTER_KEYS) {
    const value = read(key);
    if (value !== undefined) filters[key] = value;
  }
  const initiative = read('initiative');
  return initiative === undefined ? { view, filters } : { view, filters, initiative };
}

/** The route as history's path (`/board?track=debt`); filters only on the board, where they apply. */
export function formatRoute(route: PageRoute): string {
  const query = new URLSearchParams();
  if (route.view === 'board') {
    for (const key of FILTER_KEYS) {
      const value = route.filters[key];
      if (value) query.set(key, value);
    }
  }
  if (route.initiative) query.set('initiative', route.initiative);
  const search = query.toString();
  return `/${route.view}${search ? `?${search}` : ''}`;
}
