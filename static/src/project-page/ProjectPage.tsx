import Badge from '@atlaskit/badge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useMemo } from 'react';
import type { InitiativeView, RoadmapView } from '../../../src/domain/api';
import { quarterLabel } from '../../../src/domain/quarter';
import type { RoadmapHealth } from '../../../src/domain/rules/health';
import { healthSeverity } from '../../../src/domain/rules/severity';
import { healthOfView } from '../../../src/domain/view-health';
import { ErrorMessage, HorizonLozenge, Loading, muted, Page, StatusLozenge } from '../shared/components';
import { useRoadmapViewQuery } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { DriftProvider } from '../shared/drift';
import { PhaseList } from '../shared/phases';
import { ProgressProvider } from '../shared/progress';
import { PageRouteProvider, usePageRoute } from '../shared/route/PageRouteProvider';
import { type PageViewId, VIEW_LABEL } from '../shared/route/route-model';
import { ViewLoadingNotice } from '../shared/view-loading-notice';
import { BoardView } from './board/BoardView';
import { DigestBanner } from './DigestBanner';
import { DriftTabLabel } from './drift/DriftTabLabel';
import { LimitWarnings } from './LimitWarnings';
import { DialogProvider, useDialogs } from './shell/dialogs';
import { PageDialogs } from './shell/PageDialogs';
import { PageHeader } from './shell/PageHeader';
import { RoadmapSummary } from './shell/RoadmapSummary';
import { ViewTabs } from './shell/ViewTabs';
import { StartRoadmap } from './StartRoadmap';

/*
 * Views other than the board load with their tab (their code is a chunk of its own), so the first screen's JS stays
 * small as views are added.
 */
const CapacityPanel = lazy(() => import('./CapacityPanel').then((m) => ({ default: m.CapacityPanel })));
const ChangelogPanel = lazy(() => import('./ChangelogPanel').then((m) => ({ default: m.ChangelogPanel })));
const DebtSection = lazy(() => import('./debt/DebtSection').then((m) => ({ default: m.DebtSection })));
const HealthPanel = lazy(() => import('./HealthPanel').then((m) => ({ default: m.HealthPanel })));
const DriftView = lazy(() => import('./drift/DriftView').then((m) => ({ default: m.DriftView })));
const ImportExportSection = lazy(() => import('./import-export/ImportExportSection').then((m) => ({ default: m.ImportExportSection })));
const ReviewView = lazy(() => import('./review/ReviewView').then((m) => ({ default: m.ReviewView })));
const PhaseManager = lazy(() => import('./phases/PhaseManager').then((m) => ({ default: m.PhaseManager })));
const SettingsSection = lazy(() => import('./settings/SettingsSection').then((m) => ({ default: m.SettingsSection })));
const TimelineView = lazy(() => import('../shared/views/timeline/TimelineView').then((m) => ({ default: m.TimelineView })));
const PrioritiesView = lazy(() => import('../shared/views/priorities/PrioritiesView').then((m) => ({ default: m.PrioritiesView })));
const DependencyMap = lazy(() => import('../shared/views/dependencies/DependencyMap').then((m) => ({ default: m.DependencyMap })));
const ExecutiveView = lazy(() => import('../shared/views/executive/ExecutiveView').then((m) => ({ default: m.ExecutiveView })));

export function ProjectPage() {
  const view = useRoadmapViewQuery();
  return (
    <Page testId="project-page">
      {view.isPending ? <Loading label="Loading roadmap" /> : null}
      {view.isError ? <ErrorMessage error={apiErrorOf(view.error)} /> : null}
      {view.isSuccess ? (
        <PageRouteProvider>
          <Roadmap view={view.data} refreshing={view.isRefetching} />
        </PageRouteProvider>
      ) : null}
    </Page>
  );
}

function Roadmap({ view, refreshing }: { view: RoadmapView; refreshing: boolean }) {
  // Health is derived in the browser from the view (see view-health.ts), once per view.
  const health = useMemo(() => healthOfView(view, new Date()), [view]);
  // Revision 0: nothing stored for this project yet.
  if (view.revision === 0) return <StartRoadmap view={view} />;
  const { canEdit } = view.permissions;
  const severity = healthSeverity(health.counts);
  const tabLabel = (id: PageViewId) =>
    id === 'drift' ? (
      <DriftTabLabel />
    ) : id === 'health' && health.counts.problems > 0 ? (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
        {VIEW_LABEL[id]}
        <Badge appearance={severity === 'critical' ? 'important' : 'default'}>{health.counts.problems}</Badge>
      </span>
    ) : (
      VIEW_LABEL[id]
    );
  return (
    <ProgressProvider>
      <DriftProvider view={view}>
        <DialogProvider>
          <PageHeader view={view} refreshing={refreshing} />
          <ViewLoadingNotice view={view} />
          <DigestBanner review={health.staleness.review} canEdit={canEdit} />
          {canEdit ? null : (
            <SectionMessage appearance="information" testId="view-only" title="You can view this roadmap">
              <p>
                Changing it needs Jira's Edit issues permission in {view.project.key}. Ask a {view.project.key} project admin if you should plan here too.
              </p>
            </SectionMessage>
          )}
          <LimitWarnings warnings={view.limitWarnings} />
          <ViewTabs renderView={(id) => <RoadmapViewOf id={id} view={view} health={health} />} label={tabLabel} />
          <PageDialogs view={view} />
        </DialogProvider>
      </DriftProvider>
    </ProgressProvider>
  );
}

/** One view of the roadmap, loaded with its tab. */
function RoadmapViewOf({ id, view, health }: { id: PageViewId; view: RoadmapView; health: RoadmapHealth }) {
  const { canEdit, canAdminister } = view.permissions;
  const { openDialog } = useDialogs();
  const { navigate } = usePageRoute();
  // Editors open the editor; readers see the initiative's card on the board.
  const openInitiative = (initiativeId: string) =>
    canEdit ? openDialog({ kind: 'edit', initiativeId }) : navigate({ view: 'board', filters: {}, initiative: initiativeId });
  const drawn = { view, health, openInitiative };
  const renderPhaseInitiative = (i: InitiativeView) => <PhaseInitiative key={i.id} initiative={i} />;
  const renderView = () => {
    switch (id) {
      case 'board':
        return (
          <>
            <RoadmapSummary health={health} />
            <BoardView view={view} />
          </>
        );
      case 'phases':
        return canEdit ? (
          <PhaseManager view={view} renderInitiative={renderPhaseInitiative} />
        ) : (
          <>
            {view.phases.length === 0 ? <div style={muted}>This roadmap has no phases yet.</div> : null}
            <PhaseList phases={view.phases} initiatives={view.initiatives} renderInitiative={renderPhaseInitiative} />
          </>
        );
      case 'timeline':
        return <TimelineView {...drawn} />;
      case 'priorities':
        return <PrioritiesView {...drawn} />;
      case 'dependencies':
        return <DependencyMap {...drawn} />;
      case 'executive':
        return <ExecutiveView {...drawn} />;
      case 'capacity':
        return <CapacityPanel report={health.capacity} currentQuarter={health.currentQuarter} canAdminister={canAdminister} />;
      case 'health':
        return <HealthPanel health={health} revision={view.revision} canEdit={canEdit} />;
      case 'drift':
        return <DriftView view={view} />;
      case 'debt':
        return <DebtSection view={view} />;
      case 'changelog':
        return <ChangelogPanel view={view} />;
      case 'review':
        return <ReviewView view={view} health={health} openInitiative={openInitiative} />;
      case 'import-export':
        return <ImportExportSection view={view} />;
      case 'settings':
        return <SettingsSection view={view} />;
    }
  };
  return <Suspense fallback={<Loading label="Loading view" />}>{renderView()}</Suspense>;
}

function PhaseInitiative({ initiative }: { initiative: InitiativeView }) {
  return (
    <div
      data-testid="phase-initiative"
      data-initiative-id={initiative.id}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}
    >
      <span style={{ fontWeight: token('font.weight.medium') }}>{initiative.title}</span>
      <span style={muted}>{quarterLabel(initiative.targetQuarter)}</span>
      <HorizonLozenge horizon={initiative.horizon} />
      <StatusLozenge status={initiative.status} />
    </div>
  );
}
