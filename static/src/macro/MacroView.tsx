import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { InitiativeView, MacroConfig, RoadmapView } from '../../../src/domain/api';
import { quarterLabel } from '../../../src/domain/quarter';
import { HorizonBoard } from '../shared/board';
import { ErrorMessage, Fact, HorizonLozenge, Loading, muted, Page } from '../shared/components';
import { useBoardDetails, useRoadmapViewQuery, useSurfaceContext } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { PhaseList } from '../shared/phases';
import { InitiativeProgress, ProgressProvider } from '../shared/progress';

/** The Confluence macro: a read-only roadmap of the configured project. */
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
  const roadmap = view.data;
  return (
    <>
      <header>
        <Heading size="medium" as="h2">
          {roadmap.title}
        </Heading>
        <div style={muted}>
          {roadmap.project.name} · {config.view === 'executive' ? 'Outcomes' : 'Engineering board'}
        </div>
      </header>
      <ProgressProvider>{config.view === 'executive' ? <ExecutiveView roadmap={roadmap} /> : <EngineeringBoard roadmap={roadmap} />}</ProgressProvider>
    </>
  );
}

function ExecutiveView({ roadmap }: { roadmap: RoadmapView }) {
  if (roadmap.phases.length === 0) {
    return (
      <p data-testid="empty-roadmap" style={{ ...muted, margin: 0 }}>
        {roadmap.project.name} has no roadmap yet.
      </p>
    );
  }
  return (
    <div data-testid="executive-view">
      <PhaseList phases={roadmap.phases} initiatives={roadmap.initiatives} renderInitiative={(i) => <Outcome key={i.id} initiative={i} />} />
    </div>
  );
}

function Outcome({ initiative }: { initiative: InitiativeView }) {
  return (
    <div data-testid="outcome" data-initiative-id={initiative.id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        <span style={{ fontWeight: token('font.weight.semibold') }}>{initiative.title}</span>
        <HorizonLozenge horizon={initiative.horizon} />
        <span style={muted}>{quarterLabel(initiative.targetQuarter)}</span>
      </div>
      {initiative.goal ? <Fact label="Goal">{initiative.goal}</Fact> : null}
      <Fact label="Success metric">{initiative.successMetric.description}</Fact>
      {initiative.epicIds.length > 0 ? <InitiativeProgress initiativeId={initiative.id} /> : null}
    </div>
  );
}

function EngineeringBoard({ roadmap }: { roadmap: RoadmapView }) {
  const details = useBoardDetails(roadmap);
  return <HorizonBoard initiatives={roadmap.initiatives} phases={roadmap.phases} details={details} />;
}
