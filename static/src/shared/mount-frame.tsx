import '@atlaskit/css-reset';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadColorMode } from './color-mode';
import { followHostTheme } from './theme';

/** How long the first render waits for the theme (token CSS) before going ahead without it. */
const THEME_WAIT_MS = 1500;

/**
 * Renders a surface into #root once the host's theme is applied (so tokens resolve on the first paint and nothing
 * flashes unstyled), or after THEME_WAIT_MS at the latest. No data layer: mount.tsx adds the query cache; the issue
 * panel keeps its one answer itself (a lighter first download).
 */
export function mountFrame(app: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const theme = loadColorMode()
    .then((mode) => followHostTheme(mode))
    .catch(() => followHostTheme(undefined));
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, THEME_WAIT_MS));
  void Promise.race([theme, timeout]).then(() => {
    createRoot(container).render(<StrictMode>{app}</StrictMode>);
  });
}
