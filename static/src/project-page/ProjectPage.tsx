import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import type { InitiativeView, RoadmapView } from '../../../src/domain/api';
import type { Horizon } from '../../../src/domain/model';
import { quarterLabel } from '../../../src/domain/quarter';
import { healthOfView } from '../../../src/domain/view-health';
import { HorizonBoard } from '../shared/board';
import { ErrorMessage, HorizonLozenge, Loading, muted, Page, StatusLozenge } from '../shared/components';
import { useBoardDetails, useRoadmapViewQuery } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { PhaseList } from '../shared/phases';
import { ProgressProvider } from '../shared/progress';
import { AddInitiativeForm } from './AddInitiativeForm';
import { CapacityPanel } from './CapacityPanel';
import { ChangelogPanel } from './ChangelogPanel';
import { DebtSection } from './debt/DebtSection';
import { HealthPanel } from './HealthPanel';
import { ImportExportSection } from './import-export/ImportExportSection';
import { InitiativeEditor } from './initiative-editor/InitiativeEditor';
import { LimitWarnings } from './LimitWarnings';
import { MoveInitiativeForm } from './MoveInitiativeForm';
import { PhaseManager } from './phases/PhaseManager';
import { SettingsSection } from './settings/SettingsSection';
import { StartRoadmap } from './StartRoadmap';

export function ProjectPage() {
  const view = useRoadmapViewQuery();
  return (
    <Page testId="project-page">
      {view.isPending ? <Loading label="Loading roadmap" /> : null}
      {view.isError ? <ErrorMessage error={apiErrorOf(view.error)} /> : null}
      {view.isSuccess ? <Roadmap view={view.data} refreshing={view.isRefetching} /> : null}
    </Page>
  );
}

function Roadmap({ view, refreshing }: { view: RoadmapView; refreshing: boolean }) {
  // Health is derived in the browser from the view (see view-health.ts), once per view.
  const health = useMemo(() => healthOfView(view, new Date()), [view]);
  const details = useBoardDetails(view);
  /**
   * One card at a time shows a form: the editor or the move form. The card stays in the column it was opened in until
   * the form closes (a newer view may move it; see HorizonBoard's `pin`).
   */
  const [open, setOpen] = useState<{ id: string; form: 'edit' | 'move'; horizon: Horizon } | null>(null);

  // Revision 0: nothing stored for this project yet.
  if (view.revision === 0) return <StartRoadmap view={view} />;
  const { canEdit, canAdminister } = view.permissions;
  // A write's answer is already in the cache (the data layer); the form only closes.
  const close = () => setOpen(null);
  const renderActions = (initiative: InitiativeView) => {
    if (open?.id === initiative.id && open.form === 'edit') {
      return <InitiativeEditor key={initiative.id} initiative={initiative} view={view} onSaved={close} onCancel={close} />;
    }
    if (open?.id === initiative.id && open.form === 'move') {
      return <MoveInitiativeForm initiative={initiative} phases={view.phases} revision={view.revision} onMoved={close} onCancel={close} />;
    }
    return (
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
        <Button
          appearance="subtle"
          spacing="compact"
          aria-label={`Edit “${initiative.title}”`}
          onClick={() => setOpen({ id: initiative.id, form: 'edit', horizon: initiative.horizon })}
        >
          Edit
        </Button>
        <Button
          appearance="subtle"
          spacing="compact"
          aria-label={`Move “${initiative.title}”`}
          onClick={() => setOpen({ id: initiative.id, form: 'move', horizon: initiative.horizon })}
        >
          Move
        </Button>
      </div>
    );
  };
  const renderPhaseInitiative = (i: InitiativeView) => <PhaseInitiative key={i.id} initiative={i} />;
  return (
    <ProgressProvider>
      <header style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <Heading size="large" as="h1">
          {view.title}
        </Heading>
        <div style={muted} data-testid="project-name">
          {view.project.name} ({view.project.key}){refreshing ? ' · refreshing…' : ''}
        </div>
      </header>
      {canEdit ? null : (
        <SectionMessage appearance="information" testId="view-only" title="You can view this roadmap">
          <p>
            Changing it needs Jira's Edit issues permission in {view.project.key}. Ask a {view.project.key} project admin if you should plan here too.
          </p>
        </SectionMessage>
      )}
      <LimitWarnings warnings={view.limitWarnings} />
      <HorizonBoard initiatives={view.initiatives} phases={view.phases} renderActions={canEdit ? renderActions : undefined} pin={open} details={details} />
      <CapacityPanel report={health.capacity} currentQuarter={health.currentQuarter} canAdminister={canAdminister} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))', gap: token('space.200'), alignItems: 'start' }}>
        <HealthPanel health={health} revision={view.revision} canEdit={canEdit} />
        <ChangelogPanel view={view} />
      </div>
      <section style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        <Heading size="medium" as="h2" id="phases-heading">
          Phases
        </Heading>
        {canEdit ? (
          <PhaseManager view={view} renderInitiative={renderPhaseInitiative} />
        ) : (
          <>
            {view.phases.length === 0 ? <div style={muted}>This roadmap has no phases yet.</div> : null}
            <PhaseList phases={view.phases} initiatives={view.initiatives} renderInitiative={renderPhaseInitiative} />
          </>
        )}
      </section>
      {canEdit ? <AddInitiativeForm key={view.project.id} view={view} /> : null}
      <DebtSection view={view} />
      <ImportExportSection view={view} />
      <SettingsSection view={view} />
    </ProgressProvider>
  );
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
