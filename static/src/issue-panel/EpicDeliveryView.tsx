import { token } from '@atlaskit/tokens';
import type { EpicDelivery, PanelEpic } from '../../../src/domain/api';
import { PlainLozenge as Lozenge } from '../shared/lozenge';
import { muted } from '../shared/page';

const STATE_LOZENGE = {
  new: { text: 'To do', appearance: 'default' },
  indeterminate: { text: 'In progress', appearance: 'inprogress' },
  done: { text: 'Done', appearance: 'success' },
} as const;

const list = { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.075') } as const;

/** What Jira says about the epic's initiative: the drift about it or this epic, and every epic serving it. */
export function EpicDeliveryView({ delivery }: { delivery: EpicDelivery }) {
  return (
    <>
      <div data-testid="epic-drift" style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
        <div style={muted}>Drift</div>
        {delivery.drift.length === 0 ? (
          <div style={{ font: token('font.body.small') }}>The roadmap and Jira agree.</div>
        ) : (
          <ul style={list}>
            {delivery.drift.map((flag) => (
              <li key={flag.key} data-testid="epic-drift-flag" data-kind={flag.kind} style={{ font: token('font.body.small'), overflowWrap: 'anywhere' }}>
                <Lozenge appearance="moved">{flag.label}</Lozenge> {flag.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="initiative-epics" style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
        <div style={muted}>Epics of this initiative{delivery.progress?.percentDone != null ? ` · ${delivery.progress.percentDone}% done in all` : ''}</div>
        <ul style={list}>
          {delivery.epics.map((epic) => (
            <EpicRow key={epic.id} epic={epic} />
          ))}
        </ul>
      </div>
    </>
  );
}

function EpicRow({ epic }: { epic: PanelEpic }) {
  const percent = epic.percentDone;
  return (
    <li
      data-testid="initiative-epic"
      data-epic-key={epic.key ?? ''}
      data-current={epic.current}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: token('space.075'), font: token('font.body.small') }}>
        {epic.state === 'unavailable' ? (
          <span style={{ color: token('color.text.warning') }}>An epic deleted or hidden from you</span>
        ) : (
          <>
            <span style={{ fontWeight: token('font.weight.semibold') }}>{epic.key}</span>
            <span style={{ overflowWrap: 'anywhere' }}>{epic.summary}</span>
          </>
        )}
        {epic.current ? <span style={muted}>(this epic)</span> : null}
        {epic.state === 'moved' ? <Lozenge appearance="moved">Moved</Lozenge> : null}
        {epic.statusCategory ? <Lozenge appearance={STATE_LOZENGE[epic.statusCategory].appearance}>{STATE_LOZENGE[epic.statusCategory].text}</Lozenge> : null}
      </div>
      {epic.state !== 'unavailable' ? (
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.075') }}>
          <div
            role="progressbar"
            aria-label={`${epic.key ?? 'Epic'} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? 0}
            style={{ flex: 1, height: 6, borderRadius: 3, backgroundColor: token('color.background.neutral'), overflow: 'hidden' }}
          >
            <div style={{ width: `${percent ?? 0}%`, height: '100%', backgroundColor: token('color.background.success.bold') }} />
          </div>
          <span style={muted} data-testid="epic-percent">
            {percent === null ? 'No child issues' : `${percent}% done`}
          </span>
        </div>
      ) : null}
    </li>
  );
}
