import { type KeyboardEvent, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError, InitiativeView, MutationResult, RoadmapView } from '../../../../src/domain/api';
import { call } from '../../shared/client';
import { Field, TextInput } from '../../shared/fields';
import { WriteError } from '../../shared/write-error';
import { type DeletePayload, validateDelete } from './editor-model';
import { DangerConfirm } from '../../shared/danger-confirm';

/**
 * "Delete initiative" at the foot of the editor: an inline confirm saying what else changes (dependants lose the
 * dependency, linked epics are unlinked, a promoted debt item goes back to the register), with an optional reason
 * for the changelog.
 */
export function DeleteInitiative({
  initiative,
  view,
  onDeleted,
  onReload,
  disabled,
}: {
  initiative: InitiativeView;
  view: RoadmapView;
  onDeleted: (result: MutationResult) => void;
  onReload: () => void;
  disabled?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const id = `delete-${initiative.id}`;

  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [view.revision]);
  useEffect(() => {
    if (confirming) document.getElementById(`${id}-reason`)?.focus();
  }, [confirming, id]);

  const dependants = view.initiatives.filter((i) => i.dependsOn.includes(initiative.id));
  const fromDebt = initiative.fromDebtId !== null;
  const consequences = [
    dependants.length > 0 ? `${dependants.map((d) => `“${d.title}”`).join(', ')} ${dependants.length === 1 ? 'loses its' : 'lose their'} dependency on it.` : null,
    initiative.epicIds.length > 0 ? `Its ${initiative.epicIds.length === 1 ? 'linked epic is' : `${initiative.epicIds.length} linked epics are`} unlinked (the epics stay in Jira).` : null,
    fromDebt ? 'The debt item it was promoted from goes back to the register.' : null,
  ].filter((c): c is string => c !== null);

  async function remove() {
    if (deleting) return;
    setApiError(null);
    const payload: DeletePayload = { baseRevision: view.revision, initiativeId: initiative.id };
    if (reason.trim() !== '') payload.reason = reason;
    const local = validateDelete(payload);
    if (local?.reason) {
      setReasonError(local.reason);
      return;
    }
    setDeleting(true);
    const result = await call('deleteInitiative', payload);
    setDeleting(false);
    if (result.ok) onDeleted(result.value);
    else if (result.error.fields?.reason) setReasonError(result.error.fields.reason);
    else setApiError(result.error);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !deleting) {
      event.stopPropagation();
      setConfirming(false);
    }
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      void remove();
    }
  };

  if (!confirming) {
    return (
      <div style={{ borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`, paddingBlockStart: token('space.150') }}>
        <Button appearance="subtle" spacing="compact" onClick={() => setConfirming(true)} isDisabled={disabled}>
          <span style={{ color: token('color.text.danger') }}>Delete initiative</span>
        </Button>
      </div>
    );
  }
  return (
    <DangerConfirm id={id} testId="delete-initiative-confirm" onKeyDown={onKeyDown} question={<>Delete “{initiative.title}”?</>}>
      <ul style={{ margin: 0, paddingInlineStart: token('space.250'), font: token('font.body.small'), color: token('color.text') }}>
        <li>It leaves the roadmap; the changelog keeps a record.</li>
        {consequences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {apiError ? <WriteError error={apiError} retryHint="Reload the roadmap, then delete it again if it is still there." /> : null}
      <Field id={`${id}-reason`} label="Why delete it? (optional)" error={reasonError} help="Recorded in the changelog">
        <TextInput
          id={`${id}-reason`}
          value={reason}
          onChange={(v) => {
            setReason(v);
            setReasonError(undefined);
          }}
          error={reasonError}
          help="Recorded in the changelog"
          maxLength={500}
        />
      </Field>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button appearance="danger" spacing="compact" isLoading={deleting} onClick={remove}>
          Delete initiative
        </Button>
        <Button appearance="subtle" spacing="compact" isDisabled={deleting} onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </DangerConfirm>
  );
}
