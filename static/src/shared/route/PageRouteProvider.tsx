import { view } from '@forge/bridge';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_ROUTE, formatRoute, type PageRoute, parseRoute } from './route-model';

/** The part of history's object the page uses (Forge hands over history v4's; v5 passes `{ location }`). */
interface HostHistory {
  location: { pathname: string; search: string };
  push(path: string): void;
  replace(path: string): void;
  listen(listener: (update: unknown) => void): () => void;
}

interface RouteApi {
  route: PageRoute;
  /** Goes to a route; `replace` for changes that should not add a back step (typing in a filter). */
  navigate: (next: PageRoute, options?: { replace?: boolean }) => void;
}

const RouteContext = createContext<RouteApi>({ route: DEFAULT_ROUTE, navigate: () => undefined });

function locationOf(update: unknown): { pathname: string; search: string } | null {
  if (!update || typeof update !== 'object') return null;
  const inner = (update as { location?: unknown }).location;
  const loc = (inner && typeof inner === 'object' ? inner : update) as { pathname?: unknown; search?: unknown };
  return typeof loc.pathname === 'string' ? { pathname: loc.pathname, search: typeof loc.search === 'string' ? loc.search : '' } : null;
}

/**
 * Keeps the page's route in the product's history (`view.createHistory`), so the URL names the view and filters and
 * back/forward work. Where the host offers no history (tests rendering the page alone) the route lives in memory.
 */
export function PageRouteProvider({ children }: { children: ReactNode }) {
  const [history, setHistory] = useState<HostHistory | null>(null);
  const [route, setRoute] = useState<PageRoute>(DEFAULT_ROUTE);
  /** False until the host's history answered (or refused), so a link to /debt never flashes the board first. */
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    view
      .createHistory()
      .then((h) => {
        if (cancelled) return;
        const hostHistory = h as unknown as HostHistory;
        setHistory(hostHistory);
        setRoute(parseRoute(hostHistory.location));
        unlisten = hostHistory.listen((update) => {
          const loc = locationOf(update);
          if (loc) setRoute(parseRoute(loc));
        });
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setReady(true);
      });
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, []);

  const navigate = useCallback(
    (next: PageRoute, options?: { replace?: boolean }) => {
      const path = formatRoute(next);
      if (!history) return setRoute(parseRoute(new URL(path, 'http://app')));
      if (options?.replace) history.replace(path);
      else history.push(path);
      // history v4 notifies listeners; set the route too in case a host does not.
      setRoute(parseRoute(new URL(path, 'http://app')));
    },
    [history],
  );
  const api = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <RouteContext.Provider value={api}>{ready ? children : null}</RouteContext.Provider>;
}

export const usePageRoute = () => useContext(RouteContext);
