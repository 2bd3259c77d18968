import { token } from '@atlaskit/tokens';
import { lazy, useContext, useMemo } from 'react';
import type { MacroViewId, RoadmapView } from '../../../../src/domain/api';
import { cardFlagsOfView } from '../../../../src/domain/card-flags';
import { healthOfView } from '../../../../src/domain/view-health';
import { HorizonBoard } from '../board';
import { Loading } from '../components';
import { useBoardDetails } from '../data/queries';
import { DriftProvider } from '../drift';
import { DriftAvailable, useDrift } from '../drift-state';
import { BufferWarnings } from '../views/capacity/BufferWarnings';
import type { RoadmapViewProps } from '../views/view-props';
import type { LoadedChanges } from './EmbeddedRoadmap';
import { openRoadmapInJira } from './roadmap-link';

/* Each drawn view's code loads only when a page embeds it: a page with the board never downloads the chart library. */
const ExecutiveView = lazy(() => import('../views/executive/ExecutiveView').then((m) => ({ default: m.ExecutiveView })));
const TimelineView = lazy(() => import('../views/timeline/TimelineView').then((m) => ({ default: m.TimelineView })));
const CapacityChart = lazy(() => import('../views/capacity/CapacityChart').then((m) => ({ default: m.CapacityChart })));
const ChangelogDigest = lazy(() => import('./ChangelogDigest').then((m) => ({ default: m.ChangelogDigest })));

/**
 * The chosen view's body, with the roadmap's health computed once (the domain rules load with this chunk) and, where
 * the surface loads progress as its reader (the macro, not its settings' preview), drift from Jira for the one-pager
 * and the board.
 */
export function EmbeddedView({ view, viewId, changes }: { view: RoadmapView; viewId: MacroViewId; changes: LoadedChanges | null }) {
  const body = <EmbeddedBody view={view} viewId={viewId} changes={changes} />;
  return useContext(DriftAvailable) && (viewId === 'executive' || viewId === 'board') ? <DriftProvider view={view}>{body}</DriftProvider> : body;
}

function EmbeddedBody({ view, viewId, changes }: { view: RoadmapView; viewId: MacroViewId; changes: LoadedChanges | null }) {
  const health = useMemo(() => healthOfView(view, new Date()), [view]);
  const drawn: RoadmapViewProps = {
    view,
    health,
    embedded: true,
    // In Confluence an initiative opens on the roadmap in Jira, its card focused.
    openInitiative: (id) => void openRoadmapInJira(view.project.key, `/board?initiative=${encodeURIComponent(id)}`),
  };
  switch (viewId) {
    case 'executive':
      return <ExecutiveView {...drawn} />;
    case 'timeline':
      return <TimelineView {...drawn} />;
    case 'board':
      return <EmbeddedBoard view={view} />;
    case 'capacity':
      return <EmbeddedCapacity {...drawn} />;
    case 'changelog':
      return changes === null ? <Loading label="Loading changes" /> : <ChangelogDigest view={view} changes={changes.list} hasMore={changes.hasMore} />;
  }
}

function EmbeddedBoard({ view }: { view: RoadmapView }) {
  const details = useBoardDetails(view);
  // Drift as the macro's reader sees Jira (MacroView loads progress as them); none in the settings' preview.
  const drift = useDrift()?.report ?? null;
  const flags = useMemo(() => cardFlagsOfView(view, new Date(), drift), [view, drift]);
  const withFlags = useMemo(() => ({ ...details, flags }), [details, flags]);
  return <HorizonBoard initiatives={view.initiatives} phases={view.phases} details={withFlags} />;
}

function EmbeddedCapacity({ health }: RoadmapViewProps) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <CapacityChart report={health.capacity} currentQuarter={health.currentQuarter} />
      <BufferWarnings report={health.capacity} />
    </div>
  );
}
