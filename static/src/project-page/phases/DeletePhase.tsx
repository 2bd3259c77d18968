import { type KeyboardEvent, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError, MutationResult, RoadmapView } from '../../../../src/domain/api';
import type { Phase } from '../../../../src/domain/model';
import { call } from '../../shared/client';
import { Field, NativeSelect, TextInput } from '../../shared/fields';
import { phasesInOrder } from '../../shared/phases';
import { WriteError } from '../../shared/write-error';
import { ErrorLine } from '../settings/inputs';
import { type DeletePhasePayload, validateDeletePhase } from './phase-model';
import { DangerConfirm } from '../../shared/danger-confirm';

type DeleteField = 'moveInitiativesTo' | 'reason';

/**
 * The inline confirm for deleting a phase. An empty phase goes at once; one with initiatives needs a phase to move
 * them to and a reason (both required by the server, the reason recorded in the changelog).
 */
export function DeletePhase({
  phase,
  view,
  onDeleted,
  onCancel,
  onReload,
}: {
  phase: Phase;
  view: RoadmapView;
  onDeleted: (result: MutationResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const members = view.initiatives.filter((i) => i.phaseId === phase.id);
  const targets = phasesInOrder(view.phases).filter((p) => p.id !== phase.id);
  const [moveTo, setMoveTo] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<DeleteField, string>>>({});
  const [other, setOther] = useState<string | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const id = `phase-delete-${phase.id}`;

  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [view.revision]);
  useEffect(() => {
    document.getElementById(members.length > 0 ? `${id}-moveInitiativesTo` : `${id}-confirm`)?.focus();
    // Only when the confirm opens.
  }, []);

  async function remove() {
    if (deleting) return;
    setApiError(null);
    setOther(null);
    const payload: DeletePhasePayload = { baseRevision: view.revision, phaseId: phase.id, moveInitiativesTo: members.length > 0 ? moveTo || null : null };
    if (members.length > 0 && reason.trim() !== '') payload.reason = reason;
    const local: Partial<Record<DeleteField, string>> = {};
    if (members.length > 0 && !moveTo) local.moveInitiativesTo = 'Choose where its initiatives go';
    if (members.length > 0 && reason.trim() === '') local.reason = 'Say why they move';
    const schema = validateDeletePhase(payload);
    if (schema?.reason) local.reason = schema.reason;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setDeleting(true);
    const result = await call('deletePhase', payload);
    setDeleting(false);
    if (result.ok) {
      onDeleted(result.value);
      return;
    }
    const { error } = result;
    if (error.fields && (error.fields.moveInitiativesTo || error.fields.reason)) {
      setErrors({ moveInitiativesTo: error.fields.moveInitiativesTo, reason: error.fields.reason });
    } else if (error.code === 'INVALID_INPUT') setOther(error.message);
    else setApiError(error);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !deleting) onCancel();
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      void remove();
    }
  };
  const count = members.length;
  const cannot = count > 0 && targets.length === 0;
  return (
    <DangerConfirm id={id} testId="phase-delete-confirm" onKeyDown={onKeyDown} maxWidth="640px" question={<>Delete “{phase.name}”?</>}>
      <div style={{ font: token('font.body.small'), color: token('color.text') }}>
        {count === 0
          ? 'It has no initiatives; nothing else changes.'
          : cannot
            ? `It still has ${count} ${count === 1 ? 'initiative' : 'initiatives'} and there is no other phase to move ${count === 1 ? 'it' : 'them'} to. Add another phase first.`
            : `Its ${count === 1 ? 'initiative moves' : `${count} initiatives move`} to the phase you choose.`}
      </div>
      {other ? <ErrorLine testId="phase-delete-error">{other}</ErrorLine> : null}
      {apiError ? <WriteError error={apiError} retryHint="Reload the roadmap, then delete the phase again." /> : null}
      {count > 0 && !cannot ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: token('space.150'), alignItems: 'start' }}>
          <Field id={`${id}-moveInitiativesTo`} label="Move its initiatives to" error={errors.moveInitiativesTo}>
            <NativeSelect
              id={`${id}-moveInitiativesTo`}
              value={moveTo}
              onChange={(v) => {
                setMoveTo(v);
                setErrors((e) => ({ ...e, moveInitiativesTo: undefined }));
              }}
              error={errors.moveInitiativesTo}
              options={[{ value: '', label: 'Choose…' }, ...targets.map((p) => ({ value: p.id, label: p.name }))]}
            />
          </Field>
          <Field id={`${id}-reason`} label="Why are they moving?" error={errors.reason} help="Recorded in the changelog">
            <TextInput
              id={`${id}-reason`}
              value={reason}
              onChange={(v) => {
                setReason(v);
                setErrors((e) => ({ ...e, reason: undefined }));
              }}
              error={errors.reason}
              help="Recorded in the changelog"
              maxLength={500}
            />
          </Field>
        </div>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        {cannot ? null : (
          <Button id={`${id}-confirm`} appearance="danger" spacing="compact" isLoading={deleting} onClick={remove}>
            Delete phase
          </Button>
        )}
        <Button appearance="subtle" spacing="compact" isDisabled={deleting} onClick={onCancel}>
          Keep it
        </Button>
      </div>
    </DangerConfirm>
  );
}
