import { useMemo } from 'react';
import type { MacroConfig, RoadmapView } from '../../../src/domain/api';
import { useChangelogQuery, useRoadmapViewQuery, useSurfaceContext } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { DriftAvailable } from '../shared/drift-state';
import { EmbeddedRoadmap } from '../shared/embed/EmbeddedRoadmap';
import { ErrorMessage, Loading, muted, Page } from '../shared/page';
import { ProgressProvider } from '../shared/progress';
import { ViewLoadingNotice } from '../shared/view-loading-notice';

/** The Confluence macro: a read-only view of the configured project's roadmap. */
export function Macro() {
  const ctx = useSurfaceContext();
  return (
    <Page testId="macro-view" compact>
      {ctx === null ? <Loading /> : ctx.macroConfig ? <Configured config={ctx.macroConfig} /> : <NotConfigured />}
    </Page>
  );
}

function NotConfigured() {
  return (
    <p data-testid="macro-not-configured" style={{ ...muted, margin: 0 }}>
      Choose a project in the macro settings.
    </p>
  );
}

function Configured({ config }: { config: MacroConfig }) {
  const view = useRoadmapViewQuery();
  if (view.isPending) return <Loading label="Loading roadmap" />;
  if (view.isError) {
    const error = apiErrorOf(view.error);
    if (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND') {
      // Say nothing about the roadmap: the reader may not even be allowed to know it exists.
      return (
        <p data-testid="macro-unavailable" style={{ ...muted, margin: 0 }}>
          This roadmap isn't available to you.
        </p>
      );
    }
    return <ErrorMessage error={error} title="The roadmap couldn't be loaded" />;
  }
  return (
    <ProgressProvider>
      <DriftAvailable.Provider value>
        <ViewLoadingNotice view={view.data} />
        {config.view === 'changelog' ? <WithChanges view={view.data} /> : <EmbeddedRoadmap view={view.data} viewId={config.view} changes={null} digest />}
      </DriftAvailable.Provider>
    </ProgressProvider>
  );
}

/** The changelog digest also needs the newest changes: only that view asks for them. */
function WithChanges({ view }: { view: RoadmapView }) {
  const changelog = useChangelogQuery();
  const changes = useMemo(
    () => (changelog.data ? { list: changelog.data.pages.flatMap((p) => p.changes), hasMore: changelog.hasNextPage } : null),
    [changelog.data, changelog.hasNextPage],
  );
  if (changelog.isError) return <ErrorMessage error={apiErrorOf(changelog.error)} title="The changes couldn't be loaded" />;
  return <EmbeddedRoadmap view={view} viewId="changelog" changes={changes} digest />;
}
