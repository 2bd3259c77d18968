import { useMemo } from 'react';
import type { MacroConfig } from '../../../src/domain/api';
import { useChangelogQuery, useRoadmapViewQuery, useSurfaceContext } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { EmbeddedRoadmap } from '../shared/embed/EmbeddedRoadmap';
import { ErrorMessage, Loading, muted, Page } from '../shared/page';
import { ProgressProvider } from '../shared/progress';

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
      {config.view === 'changelog' ? <WithChanges config={config} /> : <EmbeddedRoadmap view={view.data} viewId={config.view} changes={null} digest />}
    </ProgressProvider>
  );
}

/** The changelog digest also needs the newest changes: only that view asks for them. */
function WithChanges({ config }: { config: MacroConfig }) {
  const view = useRoadmapViewQuery();
  const changelog = useChangelogQuery();
  const changes = useMemo(
    () => (changelog.data ? { list: changelog.data.pages.flatMap((p) => p.changes), hasMore: changelog.hasNextPage } : null),
    [changelog.data, changelog.hasNextPage],
  );
  if (!view.data) return null;
  if (changelog.isError) return <ErrorMessage error={apiErrorOf(changelog.error)} title="The changes couldn't be loaded" />;
  return <EmbeddedRoadmap view={view.data} viewId={config.view} changes={changes} digest />;
}
