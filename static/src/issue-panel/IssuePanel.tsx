import { type CSSProperties, type ReactNode, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { EpicContext } from '../../../src/domain/api';
import { quarterLabel } from '../../../src/domain/quarter';
import { ErrorMessage, Fact, HorizonLozenge, Loading, muted, Page, StatusLozenge } from '../shared/components';
import { useResolver } from '../shared/hooks';
import { LinkEpicForm } from './LinkEpicForm';
import { UnlinkEpic } from './UnlinkEpic';

const EMPTY = {};

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
 * The issue side panel: which roadmap initiative this epic serves. People who may edit the project's roadmap
 * (`linking` is set, only on epics) can link the epic to an open initiative, or unlink it with a reason.
 */
export function IssuePanel() {
  const epic = useResolver('getEpicContext', EMPTY);
  const [announcement, setAnnouncement] = useState('');
  const busy = epic.status === 'ok' && epic.refreshing;
  return (
    <Page testId="issue-panel" compact>
      <div role="status" aria-live="polite" style={visuallyHidden} data-testid="panel-announcement">
        {announcement}
      </div>
      {epic.status === 'loading' ? <Loading label="Loading initiative" /> : null}
      {epic.status === 'error' ? (
        <ErrorMessage
          error={epic.error}
          title={epic.error.code === 'FORBIDDEN' ? "You don't have access to this project's roadmap" : undefined}
        />
      ) : null}
      {epic.status === 'ok' && epic.value.link ? (
        <Linked link={epic.value.link}>
          {epic.value.linking ? (
            <UnlinkEpic
              revision={epic.value.linking.revision}
              initiativeTitle={epic.value.link.initiative.title}
              busy={busy}
              onUnlinked={() => {
                setAnnouncement(`Unlinked from “${epic.value.link?.initiative.title ?? 'the initiative'}”.`);
                epic.reload();
              }}
              onReload={epic.reload}
            />
          ) : null}
        </Linked>
      ) : null}
      {epic.status === 'ok' && !epic.value.link ? (
        <>
          <p data-testid="not-linked" style={{ ...muted, margin: 0 }}>
            This issue isn't linked to a roadmap initiative yet.
          </p>
          {epic.value.linking ? (
            <LinkEpicForm
              linking={epic.value.linking}
              busy={busy}
              onLinked={(_, title) => {
                setAnnouncement(title ? `Linked to “${title}”.` : 'Linked.');
                epic.reload();
              }}
              onReload={epic.reload}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function Linked({ link, children }: { link: NonNullable<EpicContext['link']>; children?: ReactNode }) {
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
      {children ? <div style={{ marginBlockStart: token('space.100') }}>{children}</div> : null}
    </section>
  );
}
