import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import { DEBT_ACT_NOW_FROM, DEBT_PLAN_FROM } from '../../../../src/domain/rules/prioritisation';
import { muted } from '../../shared/components';
import { Panel, PanelSection } from '../../shared/panel';
import { BAND_LABEL, register } from './debt-model';
import { DebtItemRow } from './DebtItemRow';
import { RecordDebtForm } from './RecordDebtForm';

const listStyle = { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') } as const;

/**
 * The technical debt register: open items ranked by priority (impact × urgency, banded Act now / Plan / Watch),
 * then the items already promoted to initiatives. Editors record, delete and promote items; everyone who can see
 * the roadmap sees the register. Writes go through the data layer, whose answer updates the page.
 */
export function DebtSection({ view }: { view: RoadmapView }) {
  const { canEdit } = view.permissions;
  const { open, promoted } = useMemo(() => register(view.debtItems, view.initiatives), [view.debtItems, view.initiatives]);
  const [recording, setRecording] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [promotingId, setPromotingId] = useState<string | null>(null);

  const row = (entry: (typeof open)[number], rank: number | null) => (
    <DebtItemRow
      key={entry.item.id}
      entry={entry}
      rank={rank}
      phases={view.phases}
      unit={view.capacity.unit}
      revision={view.revision}
      canEdit={canEdit}
      promoting={promotingId === entry.item.id}
      onPromote={() => {
        setRecorded(null);
        setPromotingId(entry.item.id);
      }}
      onCancelPromote={() => setPromotingId(null)}
      onDone={() => {
        setRecorded(null);
        setPromotingId((id) => (id === entry.item.id ? null : id));
      }}
    />
  );

  const actions =
    canEdit && !recording ? (
      <Button
        appearance="primary"
        spacing="compact"
        aria-label="New debt item"
        onClick={() => {
          setRecorded(null);
          setRecording(true);
        }}
      >
        New debt item
      </Button>
    ) : undefined;

  return (
    <Panel testId="debt-register" title="Technical debt" count={open.length} actions={actions}>
      <div style={muted}>
        Ranked by impact × urgency (each 1–5): {BAND_LABEL['act-now']} from {DEBT_ACT_NOW_FROM}, {BAND_LABEL.plan} from {DEBT_PLAN_FROM}, otherwise{' '}
        {BAND_LABEL.watch.toLowerCase()}.
      </div>
      {recorded ? (
        <SectionMessage appearance="success" testId="debt-recorded">
          <p>Recorded “{recorded}” in the register.</p>
        </SectionMessage>
      ) : null}
      {canEdit && recording ? (
        <RecordDebtForm
          view={view}
          onRecorded={(title) => {
            setRecording(false);
            setRecorded(title);
          }}
          onCancel={() => setRecording(false)}
        />
      ) : null}
      {open.length === 0 && promoted.length === 0 ? (
        <div style={muted} data-testid="debt-empty">
          No technical debt recorded yet.{canEdit ? ' Record what the system audit found, then promote what needs acting on.' : ''}
        </div>
      ) : null}
      {open.length > 0 ? (
        <ol data-testid="debt-open" aria-label="Open debt, highest priority first" style={listStyle}>
          {open.map((entry, index) => row(entry, index + 1))}
        </ol>
      ) : promoted.length > 0 ? (
        <div style={muted}>Every recorded item has been promoted to an initiative.</div>
      ) : null}
      {promoted.length > 0 ? (
        <PanelSection testId="debt-promoted-section" title="Promoted to initiatives" count={promoted.length}>
          <ul data-testid="debt-promoted-list" style={listStyle}>
            {promoted.map((entry) => row(entry, null))}
          </ul>
        </PanelSection>
      ) : null}
    </Panel>
  );
}
