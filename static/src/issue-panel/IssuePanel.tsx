import { token } from '@atlaskit/tokens';
import { type CSSProperties, type ReactNode, useState } from 'react';
import type { EpicLinkView } from '../../../src/domain/api';
import { quarterLabel } from '../../../src/domain/quarter';
import { ErrorMessage, Fact, HorizonLozenge, Loading, muted, Page, StatusLozenge } from '../shared/components';
import { useEpicContextQuery } from '../shared/data/queries';
import { apiErrorOf } from '../shared/data/query-client';
import { LinkEpicForm } from './LinkEpicForm';
import { UnlinkEpic } from './UnlinkEpic';

/** Read by screen readers, not shown: what a link or unlink just did, since the control that did it goes away. */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * The issue side panel: which roadmap initiatives this epic serves (one per roadmap, on the roadmaps the viewer may
 * browse). Editors of a roadmap can unlink it there with a reason; editors of the issue's own project roadmap can link
 * it to one of its open initiatives when that roadmap does not hold it yet.
 */
export function IssuePanel() {
  const epic = useEpicContextQuery();
  const [announcement, setAnnouncement] = useState('');
  const busy = epic.isRefetching;
  const error = epic.isError ? apiErrorOf(epic.error) : null;
  return (
    <Page testId="issue-panel" compact>
      <div role="status" aria-live="polite" style={visuallyHidden} data-testid="panel-announcement">
        {announcement}
      </div>
      {epic.isPending ? <Loading label="Loading initiative" /> : null}
      {error ? <ErrorMessage error={error} title={error.code === 'FORBIDDEN' ? "You don't have access to this project's roadmap" : undefined} /> : null}
      {epic.isSuccess
        ? epic.data.links.map((link) => (
            <Linked key={link.project.id} link={link}>
              {link.unlink ? (
                <UnlinkEpic
                  revision={link.unlink.revision}
                  projectId={link.project.id}
                  initiativeTitle={link.initiative.title}
                  busy={busy}
                  onUnlinked={() => setAnnouncement(`Unlinked from “${link.initiative.title}”.`)}
                />
              ) : null}
            </Linked>
          ))
        : null}
      {epic.isSuccess && epic.data.links.length === 0 ? (
        <p data-testid="not-linked" style={{ ...muted, margin: 0 }}>
          This issue isn't linked to a roadmap initiative yet.
        </p>
      ) : null}
      {epic.isSuccess && epic.data.linking ? (
        <LinkEpicForm linking={epic.data.linking} busy={busy} onLinked={(title) => setAnnouncement(title ? `Linked to “${title}”.` : 'Linked.')} />
      ) : null}
    </Page>
  );
}

function Linked({ link, children }: { link: EpicLinkView; children?: ReactNode }) {
  const { initiative, phase, project } = link;
  return (
    <section
      aria-label={`Roadmap initiative on ${link.project.key}`}
      data-testid="epic-link"
      data-project-key={link.project.key}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}
    >
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
      {children ? <div style={{ marginBlockStart: token('space.100') }}>{children}</div> : null}
    </section>
  );
}
