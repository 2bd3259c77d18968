import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useMemo } from 'react';
import type { MacroViewId, RoadmapView } from '../../../../src/domain/api';
import type { ChangeRecord } from '../../../../src/domain/changes';
import { Loading, muted } from '../page';
import { formatDay } from '../time';
import { DigestLine } from './DigestLine';
import { OpenInJira } from './OpenInJira';

/* The view's body (health rules, board, charts) is a chunk of its own: the macro's first download stays small. */
const EmbeddedView = lazy(() => import('./EmbeddedView').then((m) => ({ default: m.EmbeddedView })));

/** The newest changes loaded for the digest, and whether older ones exist beyond them. */
export interface LoadedChanges {
  list: readonly ChangeRecord[];
  hasMore: boolean;
}

export const MACRO_VIEW_LABEL: Record<MacroViewId, string> = {
  executive: 'Executive one-pager',
  board: 'Now / Next / Later board',
  timeline: 'Timeline',
  capacity: 'Capacity',
  changelog: 'Changelog digest',
};

/** The project page's sub-route showing the same view, for "Open in Jira". */
const PAGE_PATH: Record<MacroViewId, string> = {
  executive: '/executive',
  board: '/board',
  timeline: '/timeline',
  capacity: '/capacity',
  changelog: '/changelog',
};

/**
 * One read-only view of a roadmap as a Confluence page embeds it (the macro, and the macro config's live preview):
 * the roadmap's title, the project, "as of" and a link to the roadmap in Jira, then the chosen view.
 * `changes` feeds the changelog digest (null while it loads).
 */
export function EmbeddedRoadmap({
  view,
  viewId,
  changes,
  digest = false,
}: {
  view: RoadmapView;
  viewId: MacroViewId;
  changes: LoadedChanges | null;
  /** Show the daily digest's line (the saved macro; not the config's preview, whose context is another project's). */
  digest?: boolean;
}) {
  const asOf = useMemo(() => new Date(), []);
  const key = view.project.key;
  if (view.revision === 0) {
    // Say so plainly: an empty board under the project's name would read as "nothing planned".
    return (
      <div data-testid="macro-no-roadmap" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        <p style={{ margin: 0 }}>
          {view.project.name} ({key}) has no technical roadmap yet.
        </p>
        <div style={muted}>
          A {key} project admin can start one in Jira: <OpenInJira projectKey={key}>Open the roadmap page</OpenInJira>
        </div>
      </div>
    );
  }
  return (
    <div data-testid="embedded-roadmap" data-view={viewId} style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: token('space.100') }}>
        <div>
          <Heading size="medium" as="h2">
            {view.title}
          </Heading>
          <div style={muted} data-testid="embedded-subtitle">
            {view.project.name} · {MACRO_VIEW_LABEL[viewId]} · as of {formatDay(asOf.toISOString())}
          </div>
          {digest ? <DigestLine /> : null}
        </div>
        <OpenInJira projectKey={key} path={PAGE_PATH[viewId]} />
      </header>
      <Suspense fallback={<Loading label="Loading view" />}>
        <EmbeddedView view={view} viewId={viewId} changes={changes} />
      </Suspense>
    </div>
  );
}
