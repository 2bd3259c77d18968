import { token } from '@atlaskit/tokens';
import { type ComponentProps, type CSSProperties, type ReactNode, useState } from 'react';
import type { EpicContext, EpicLinkView } from '../../../src/domain/api';
import { quarterLabel } from '../../../src/domain/quarter-format';
import { PlainStatusLozenge } from '../shared/lozenge';
import { ErrorMessage, Fact, Loading, muted, Page } from '../shared/page';
import { HorizonLozenge } from '../shared/tags';
import { useEpicContext } from './epic-store';
import { EpicDeliveryView } from './EpicDeliveryView';
import { useForms } from './forms-loader';
import { InitiativeLink } from './InitiativeLink';
import type { LinkEpicForm } from './LinkEpicForm';
import { QuietLine } from './QuietLine';
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
 * The issue side panel, in one invoke (getEpicContext). On an epic: the initiative it serves on each roadmap the viewer
 * may browse, the epic's drift and its initiative's epics, and link / unlink (editors of that roadmap unlink with a
 * reason; editors of the issue's own project roadmap link it to an open initiative). On a story, task, bug or sub-task:
 * "via epic TR-1 → initiative" when its epic serves one. Elsewhere one quiet line and the way to the roadmap. Every
 * initiative links to its card on the roadmap through the Forge router.
 *
 * Light on purpose (≤ 80 KB gzip up front, scripts/surfaces.cjs): no query cache (epic-store.ts), no zod, no Atlaskit
 * component but the spinner; lozenges and the Unlink button are plain elements in ADS tokens; the link and unlink
 * forms come in their own chunk (forms-loader.ts).
 */
export function IssuePanel() {
  const epic = useEpicContext();
  const [announcement, setAnnouncement] = useState('');
  const busy = epic.reloading;
  const error = epic.error;
  const context = error ? null : epic.context;
  return (
    <Page testId="issue-panel" compact>
      <div role="status" aria-live="polite" style={visuallyHidden} data-testid="panel-announcement">
        {announcement}
      </div>
      {!epic.context && !error ? <Loading label="Loading initiative" /> : null}
      {error ? <ErrorMessage error={error} title={error.code === 'FORBIDDEN' ? "You don't have access to this project's roadmap" : undefined} /> : null}
      {context?.via ? <ViaEpic via={context.via} /> : null}
      {context
        ? context.links.map((link) => (
            <Linked key={link.project.id} link={link} via={context.via !== null}>
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
      {context && context.links.length === 0 ? <QuietLine context={context} /> : null}
      {context?.linking ? (
        <LinkForm linking={context.linking} busy={busy} onLinked={(title) => setAnnouncement(title ? `Linked to “${title}”.` : 'Linked.')} />
      ) : null}
    </Page>
  );
}

/** The link form, once the forms chunk is here (it starts coming as soon as the panel offers to link). */
function LinkForm(props: ComponentProps<typeof LinkEpicForm>) {
  const forms = useForms();
  return forms ? <forms.LinkEpicFormChunk {...props} /> : null;
}

/** "Via epic TR-1 · Upgrade Node.js": the parent epic the issue's initiatives come through. */
function ViaEpic({ via }: { via: NonNullable<EpicContext['via']> }) {
  return (
    <div data-testid="via-epic" style={{ ...muted, overflowWrap: 'anywhere' }}>
      Via epic <span style={{ fontWeight: token('font.weight.semibold'), color: token('color.text') }}>{via.key}</span> · {via.summary} →
    </div>
  );
}

function Linked({ link, via, children }: { link: EpicLinkView; via: boolean; children?: ReactNode }) {
  const { initiative, phase, project, delivery } = link;
  return (
    <section
      aria-label={`Roadmap initiative on ${link.project.key}`}
      data-testid="epic-link"
      data-project-key={link.project.key}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}
    >
      <div style={muted}>{via ? 'Initiative' : 'Serves initiative'}</div>
      <div
        data-testid="linked-initiative-title"
        data-initiative-id={initiative.id}
        style={{ font: token('font.heading.xsmall'), color: token('color.text'), overflowWrap: 'anywhere' }}
      >
        {initiative.title}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
        <HorizonLozenge horizon={initiative.horizon} />
        <PlainStatusLozenge status={initiative.status} />
      </div>
      <Fact label="Phase">{phase?.name ?? 'No phase'}</Fact>
      <Fact label="Target quarter">{quarterLabel(initiative.targetQuarter)}</Fact>
      {via ? null : <Fact label="Success metric">{initiative.successMetric.description}</Fact>}
      {delivery ? <EpicDeliveryView delivery={delivery} /> : null}
      {!via && !delivery ? (
        <div style={muted} data-testid="delivery-unavailable">
          Jira's progress for this initiative could not be read just now.
        </div>
      ) : null}
      <div style={{ ...muted, display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <span>
          Roadmap: {project.name} ({project.key})
        </span>
        <InitiativeLink projectKey={project.key} initiativeId={initiative.id} />
      </div>
      {children ? <div style={{ marginBlockStart: token('space.100') }}>{children}</div> : null}
    </section>
  );
}
