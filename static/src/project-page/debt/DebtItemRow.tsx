import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { amountWithUnit } from '../../../../src/domain/labels';
import type { CapacitySettings } from '../../../../src/domain/model';
import { muted } from '../../shared/components';
import { useWriteAction } from '../../shared/data/writes';
import { DEBT_CATEGORY_LABEL } from '../../shared/labels';
import { usePageRoute } from '../../shared/route/PageRouteProvider';
import { WriteError } from '../../shared/write-error';
import { BAND_APPEARANCE, BAND_LABEL, type RegisterEntry } from './debt-model';

function effortText(effort: number | null, unit: CapacitySettings['unit']): string {
  if (effort === null) return 'Not estimated';
  return amountWithUnit(effort, unit);
}

/** In-page navigation that reads as a link (the board is a view of this page, not another address). */
const linkStyle = {
  font: 'inherit',
  color: token('color.link'),
  background: 'none',
  border: 'none',
  padding: 0,
  cursor: 'pointer',
  textDecoration: 'underline',
  textAlign: 'start',
  overflowWrap: 'anywhere',
} as const;

/**
 * One item of the register: rank, title, band, score, category, effort, description and, once promoted, a link to
 * the initiative that took it on (its card on the board). Editors get Edit and Promote (dialogs the register opens)
 * and Delete (confirmed inline).
 */
export function DebtItemRow({
  entry,
  rank,
  unit,
  revision,
  canEdit,
  onEdit,
  onPromote,
}: {
  entry: RegisterEntry;
  /** 1-based position among the open items; null for promoted ones. */
  rank: number | null;
  unit: CapacitySettings['unit'];
  revision: number;
  canEdit: boolean;
  onEdit: () => void;
  onPromote: () => void;
}) {
  const { item, score, band, promotedTo } = entry;
  const { navigate } = usePageRoute();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const deletion = useWriteAction('deleteDebtItem', { onSuccess: () => setConfirmingDelete(false) });
  const deleting = deletion.pending;
  const apiError = deletion.error;
  const { reset: forgetDeleteError } = deletion;

  // A newer revision makes a CONFLICT moot.
  useEffect(() => {
    if (apiError?.code === 'CONFLICT') forgetDeleteError();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the revision moves, not when the error arrives
  }, [revision]);

  function remove() {
    if (!deleting) deletion.run({ baseRevision: revision, debtId: item.id });
  }

  return (
    <li
      data-testid="debt-item"
      data-debt-id={item.id}
      data-band={band}
      style={{
        listStyle: 'none',
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.075'),
        padding: token('space.150'),
        borderRadius: token('radius.medium', '6px'),
        border: `${token('border.width', '1px')} solid ${token('color.border')}`,
        backgroundColor: promotedTo ? token('elevation.surface.sunken') : token('elevation.surface'),
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
        {rank !== null ? (
          <span data-testid="debt-rank" aria-label={`Rank ${rank}`} style={{ ...muted, fontVariantNumeric: 'tabular-nums', minWidth: '2ch' }}>
            #{rank}
          </span>
        ) : null}
        <span data-testid="debt-title" style={{ font: token('font.heading.xsmall'), color: token('color.text'), overflowWrap: 'anywhere' }}>
          {item.title}
        </span>
        <span data-testid="debt-band">
          <Lozenge appearance={BAND_APPEARANCE[band]} isBold={band === 'act-now'}>
            {BAND_LABEL[band]}
          </Lozenge>
        </span>
        <span data-testid="debt-score" style={muted}>
          {score} of 25 (impact {item.impact} × urgency {item.urgency})
        </span>
      </div>
      <div style={{ ...muted, display: 'flex', flexWrap: 'wrap', columnGap: token('space.150'), rowGap: token('space.025') }}>
        <span data-testid="debt-category">{DEBT_CATEGORY_LABEL[item.category]}</span>
        <span data-testid="debt-effort">Effort: {effortText(item.effort, unit)}</span>
      </div>
      {item.description ? (
        <div style={{ font: token('font.body.small'), color: token('color.text'), overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{item.description}</div>
      ) : null}
      {promotedTo ? (
        <div data-testid="debt-promoted" style={{ font: token('font.body.small'), color: token('color.text') }}>
          Promoted to{' '}
          <button
            type="button"
            data-testid="debt-promoted-link"
            title="Show it on the board"
            style={linkStyle}
            onClick={() => navigate({ view: 'board', filters: {}, initiative: promotedTo.id })}
          >
            {promotedTo.title}
          </button>
        </div>
      ) : null}
      {apiError ? <WriteError error={apiError} retryHint="Reload the roadmap, then try again." /> : null}
      {canEdit && confirmingDelete ? (
        <div
          role="group"
          aria-label={`Delete “${item.title}”?`}
          data-testid="debt-delete-confirm"
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}
        >
          <span style={{ font: token('font.body.small'), color: token('color.text') }}>
            Delete this debt item?{promotedTo ? ' The initiative stays on the roadmap.' : ''}
          </span>
          <Button appearance="danger" spacing="compact" isLoading={deleting} onClick={remove}>
            Delete debt item
          </Button>
          <Button appearance="subtle" spacing="compact" isDisabled={deleting} onClick={() => setConfirmingDelete(false)}>
            Keep it
          </Button>
        </div>
      ) : null}
      {canEdit && !confirmingDelete ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
          <Button appearance="subtle" spacing="compact" aria-label={`Edit “${item.title}”`} onClick={onEdit}>
            Edit
          </Button>
          {promotedTo ? null : (
            <Button appearance="subtle" spacing="compact" aria-label={`Promote “${item.title}”`} onClick={onPromote}>
              Promote
            </Button>
          )}
          <Button appearance="subtle" spacing="compact" aria-label={`Delete “${item.title}”`} onClick={() => setConfirmingDelete(true)}>
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}
