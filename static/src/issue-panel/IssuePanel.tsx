import { token } from '@atlaskit/tokens';
import type { EpicContext } from '../../../src/domain/api';
import { quarterLabel } from '../../../src/domain/quarter';
import { ErrorMessage, Fact, HorizonLozenge, Loading, muted, Page, StatusLozenge } from '../shared/components';
import { useResolver } from '../shared/hooks';

const EMPTY = {};

/** The issue side panel: which roadmap initiative this epic serves. */
export function IssuePanel() {
  const epic = useResolver('getEpicContext', EMPTY);
  return (
    <Page testId="issue-panel" compact>
      {epic.status === 'loading' ? <Loading label="Loading initiative" /> : null}
      {epic.status === 'error' ? (
        <ErrorMessage
          error={epic.error}
          title={epic.error.code === 'FORBIDDEN' ? "You don't have access to this project's roadmap" : undefined}
        />
      ) : null}
      {epic.status === 'ok' ? <Linked context={epic.value} /> : null}
    </Page>
  );
}

function Linked({ context }: { context: EpicContext }) {
  const { link } = context;
  if (!link) {
    return (
      <p data-testid="not-linked" style={{ ...muted, margin: 0 }}>
        This issue isn't linked to a roadmap initiative yet.
      </p>
    );
  }
  const { initiative, phase, project } = link;
  return (
    <section aria-label="Roadmap initiative" style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
      <div style={muted}>Serves initiative</div>
      <div
        data-testid="linked-initiative-title"
        data-initiative-id={initiative.id}
        style={{ font: token('font.heading.xsmall'), color: token('color.text'), overflowWrap: 'anywhere' }}
      >
        {initiative.title}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
        <HorizonLozenge horizon={initiative.horizon} />
        <StatusLozenge status={initiative.status} />
      </div>
      <Fact label="Phase">{phase?.name ?? 'No phase'}</Fact>
      <Fact label="Target quarter">{quarterLabel(initiative.targetQuarter)}</Fact>
      <Fact label="Success metric">{initiative.successMetric.description}</Fact>
      <div style={muted}>
        Roadmap: {project.name} ({project.key})
      </div>
    </section>
  );
}
