import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { InitiativeView, RoadmapView } from '../../../src/domain/api';
import { quarterLabel } from '../../../src/domain/quarter';
import { HorizonBoard } from '../shared/board';
import { ErrorMessage, HorizonLozenge, Loading, muted, Page, StatusLozenge } from '../shared/components';
import { useResolver } from '../shared/hooks';
import { PhaseList } from '../shared/phases';
import { AddInitiativeForm } from './AddInitiativeForm';
import { StartRoadmap } from './StartRoadmap';

const EMPTY = {};

export function ProjectPage() {
  const view = useResolver('getRoadmapView', EMPTY);
  return (
    <Page testId="project-page">
      {view.status === 'loading' ? <Loading label="Loading roadmap" /> : null}
      {view.status === 'error' ? <ErrorMessage error={view.error} /> : null}
      {view.status === 'ok' ? <Roadmap view={view.value} refreshing={view.refreshing} reload={view.reload} /> : null}
    </Page>
  );
}

function Roadmap({ view, refreshing, reload }: { view: RoadmapView; refreshing: boolean; reload: () => void }) {
  // Revision 0: nothing stored for this project yet.
  if (view.revision === 0) return <StartRoadmap view={view} onStarted={reload} />;
  return (
    <>
      <header style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <Heading size="large" as="h1">
          {view.title}
        </Heading>
        <div style={muted} data-testid="project-name">
          {view.project.name} ({view.project.key}){refreshing ? ' · refreshing…' : ''}
        </div>
      </header>
      <HorizonBoard initiatives={view.initiatives} phases={view.phases} />
      <section style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        <Heading size="medium" as="h2" id="phases-heading">
          Phases
        </Heading>
        {view.phases.length === 0 ? <div style={muted}>This roadmap has no phases yet.</div> : null}
        <PhaseList phases={view.phases} initiatives={view.initiatives} renderInitiative={(i) => <PhaseInitiative key={i.id} initiative={i} />} />
      </section>
      {view.permissions.canEdit ? <AddInitiativeForm key={view.project.id} view={view} onCreated={reload} /> : null}
    </>
  );
}

function PhaseInitiative({ initiative }: { initiative: InitiativeView }) {
  return (
    <div data-testid="phase-initiative" data-initiative-id={initiative.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
      <span style={{ fontWeight: token('font.weight.medium') }}>{initiative.title}</span>
      <span style={muted}>{quarterLabel(initiative.targetQuarter)}</span>
      <HorizonLozenge horizon={initiative.horizon} />
      <StatusLozenge status={initiative.status} />
    </div>
  );
}
