import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { usePageRoute } from '../../shared/route/PageRouteProvider';
import { type PageViewId, TAB_VIEWS } from '../../shared/route/route-model';

/** The page's views as tabs; header-only views (settings, import and export) are tabs too, at the end. */
export const PAGE_TABS: readonly PageViewId[] = [...TAB_VIEWS, 'import-export', 'settings'];

/**
 * Tabs over the page's views, bound to the route (view.createHistory): choosing a tab pushes its path, back returns
 * to the previous view, and a link to `/debt` opens on Debt. Only the selected view is rendered (`renderView`), so
 * views the user never opens cost nothing.
 */
export function ViewTabs({ renderView, label }: { renderView: (view: PageViewId) => ReactNode; label: (view: PageViewId) => ReactNode }) {
  const { route, navigate } = usePageRoute();
  const selected = Math.max(0, PAGE_TABS.indexOf(route.view));
  return (
    <Tabs
      id="roadmap-views"
      selected={selected}
      shouldUnmountTabPanelOnChange
      onChange={(index) => {
        const view = PAGE_TABS[index];
        if (view && view !== route.view) navigate({ view, filters: view === 'board' ? route.filters : {} });
      }}
    >
      <TabList>
        {PAGE_TABS.map((view) => (
          <Tab key={view} testId={`tab-${view}`}>
            {label(view)}
          </Tab>
        ))}
      </TabList>
      {PAGE_TABS.map((view) => (
        <TabPanel key={view} testId={`view-${view}`}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), width: '100%', paddingBlockStart: token('space.200') }}>
            {view === PAGE_TABS[selected] ? renderView(view) : null}
          </div>
        </TabPanel>
      ))}
    </Tabs>
  );
}
