import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import type { RoadmapView } from '../../../../src/domain/api';
import type { DebtItem } from '../../../../src/domain/model';
import { DEBT_ACT_NOW_FROM, DEBT_PLAN_FROM } from '../../../../src/domain/rules/prioritisation';
import { muted } from '../../shared/components';
import { Panel, PanelSection } from '../../shared/panel';
import { BAND_LABEL, register, type RegisterEntry } from './debt-model';
import { DebtItemRow } from './DebtItemRow';
import { EditDebtDialog } from './EditDebtDialog';
import { PromoteDebtDialog } from './PromoteDebtDialog';
import { RecordDebtDialog } from './RecordDebtDialog';

const listStyle = { margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') } as const;

/** The register's one open dialog: record a new item, or edit or promote the item it was opened on. */
type DebtDialog = { kind: 'record' } | { kind: 'edit'; item: DebtItem } | { kind: 'promote'; item: DebtItem };

/**
 * The technical debt register: open items ranked by priority (impact × urgency, banded Act now / Plan / Watch),
 * then the items already promoted to initiatives. Editors record, edit, promote and delete items (record, edit and
 * promote in dialogs); everyone who can see the roadmap sees the register. Writes go through the data layer, whose
 * answer updates the page.
 */
export function DebtSection({ view }: { view: RoadmapView }) {
  const { canEdit } = view.permissions;
  const { open, promoted } = useMemo(() => register(view.debtItems, view.initiatives), [view.debtItems, view.initiatives]);
  const [dialog, setDialog] = useState<DebtDialog | null>(null);
  const close = () => setDialog(null);

  const row = (entry: RegisterEntry, rank: number | null) => (
    <DebtItemRow
      key={entry.item.id}
      entry={entry}
      rank={rank}
      unit={view.capacity.unit}
      revision={view.revision}
      canEdit={canEdit}
      onEdit={() => setDialog({ kind: 'edit', item: entry.item })}
      onPromote={() => setDialog({ kind: 'promote', item: entry.item })}
    />
  );

  const actions = canEdit ? (
    <Button appearance="primary" spacing="compact" onClick={() => setDialog({ kind: 'record' })}>
      New debt item
    </Button>
  ) : undefined;

  return (
    <Panel testId="debt-register" title="Technical debt" count={open.length} actions={actions}>
      <div style={muted}>
        Ranked by impact × urgency (each 1–5): {BAND_LABEL['act-now']} from {DEBT_ACT_NOW_FROM}, {BAND_LABEL.plan} from {DEBT_PLAN_FROM}, otherwise{' '}
        {BAND_LABEL.watch.toLowerCase()}. Promoting an item proposes a quarter from its band: {BAND_LABEL['act-now'].toLowerCase()} this quarter,{' '}
        {BAND_LABEL.plan.toLowerCase()} the next, {BAND_LABEL.watch.toLowerCase()} the one after.
      </div>
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
      {canEdit && dialog?.kind === 'record' ? <RecordDebtDialog view={view} onClose={close} /> : null}
      {canEdit && dialog?.kind === 'edit' ? <EditDebtDialog key={dialog.item.id} view={view} item={dialog.item} onClose={close} /> : null}
      {canEdit && dialog?.kind === 'promote' ? (
        <PromoteDebtDialog key={dialog.item.id} item={dialog.item} phases={view.phases} revision={view.revision} onClose={close} />
      ) : null}
    </Panel>
  );
}
