import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { deletePhasePayload, type RoadmapView } from '../../../../src/domain/api';
import type { Phase } from '../../../../src/domain/model';
import { DangerConfirm } from '../../shared/danger-confirm';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { SelectField, TextField } from '../../shared/form/inputs';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { phasesInOrder } from '../../shared/phases';
import { type DeletePhaseValues, deletePhaseValues, toDeletePhaseDraft } from './phase-model';

/**
 * The inline confirm for deleting a phase (deletePhase). An empty phase goes at once; one with initiatives needs a
 * phase to move them to and a reason (both required by the server, the reason recorded in the changelog). The page
 * shows the write's answer through the data layer; `onDone` and `onCancel` close the confirm.
 */
export function DeletePhase({ phase, view, onDone, onCancel }: { phase: Phase; view: RoadmapView; onDone: () => void; onCancel: () => void }) {
  const count = view.initiatives.filter((i) => i.phaseId === phase.id).length;
  const targets = phasesInOrder(view.phases).filter((p) => p.id !== phase.id);
  const cannot = count > 0 && targets.length === 0;
  const asks = count > 0 && !cannot;
  const id = `phase-delete-${phase.id}`;
  const form = useDomainForm({
    resolver: 'deletePhase',
    schema: deletePhasePayload,
    source: phase,
    revision: view.revision,
    toValues: deletePhaseValues,
    // Against the revision the page shows now: a delete has nothing to rebase.
    toDraft: (values: DeletePhaseValues) => toDeletePhaseDraft(values, phase.id, count, view.revision),
    onDone,
    onCancel,
    focus: asks ? 'select' : 'none',
  });
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Nothing to fill in: the confirm's own button takes focus.
    if (!asks) (cannot ? keepRef.current : form.formRef.current?.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the confirm opens
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    // With nothing to delete into there is no form: Escape just closes.
    if (cannot && event.key === 'Escape') onCancel();
  };
  return (
    <DangerConfirm id={id} testId="phase-delete-confirm" onKeyDown={onKeyDown} maxWidth="640px" question={<>Delete “{phase.name}”?</>}>
      <div style={{ font: token('font.body.small'), color: token('color.text') }}>
        {count === 0
          ? 'It has no initiatives; nothing else changes.'
          : cannot
            ? `It still has ${count} ${count === 1 ? 'initiative' : 'initiatives'} and there is no other phase to move ${count === 1 ? 'it' : 'them'} to. Add another phase first.`
            : `Its ${count === 1 ? 'initiative moves' : `${count} initiatives move`} to the phase you choose.`}
      </div>
      {cannot ? (
        <div>
          <Button ref={keepRef} appearance="subtle" spacing="compact" onClick={onCancel}>
            Keep it
          </Button>
        </div>
      ) : (
        <DomainFormFrame form={form} idPrefix={id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
          <FormErrorLine testId="phase-delete-error" />
          <WriteStatus form={form} retryHint="Reload the roadmap, then delete the phase again." idPrefix={id} />
          {asks ? (
            <div
              style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: token('space.150'), alignItems: 'start' }}
            >
              <SelectField
                name="moveInitiativesTo"
                label="Move its initiatives to"
                options={[{ value: '', label: 'Choose…' }, ...targets.map((p) => ({ value: p.id, label: p.name }))]}
              />
              <TextField name="reason" label="Why are they moving?" help="Recorded in the changelog" maxLength={500} />
            </div>
          ) : null}
          <FormButtons label="Delete phase" appearance="danger" cancelLabel="Keep it" compact />
        </DomainFormFrame>
      )}
    </DangerConfirm>
  );
}
