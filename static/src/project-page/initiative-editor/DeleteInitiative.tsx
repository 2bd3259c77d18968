import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { deleteInitiativePayload, type InitiativeView, type RoadmapView } from '../../../../src/domain/api';
import { DangerConfirm } from '../../shared/danger-confirm';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { TextField } from '../../shared/form/inputs';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { deleteConsequences, type DeleteInitiativeValues, deleteInitiativeValues, toDeleteInitiativeDraft } from './delete-model';

/**
 * "Delete initiative" at the foot of the editor: an inline confirm saying what else changes (dependants lose the
 * dependency, linked epics are unlinked, a promoted debt item goes back to the register), with an optional reason
 * for the changelog. The page shows the write's answer through the data layer; `onDeleted` closes the editor.
 */
export function DeleteInitiative({
  initiative,
  view,
  onDeleted,
  disabled,
}: {
  initiative: InitiativeView;
  view: RoadmapView;
  onDeleted: () => void;
  disabled?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      {/* Hidden, not gone, while the confirm is open: focus goes back to it when the confirm closes. */}
      <div
        hidden={confirming}
        style={{ borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`, paddingBlockStart: token('space.150') }}
      >
        <Button appearance="subtle" spacing="compact" onClick={() => setConfirming(true)} isDisabled={disabled}>
          <span style={{ color: token('color.text.danger') }}>Delete initiative</span>
        </Button>
      </div>
      {confirming ? <DeleteInitiativeConfirm initiative={initiative} view={view} onDone={onDeleted} onCancel={() => setConfirming(false)} /> : null}
    </>
  );
}

function DeleteInitiativeConfirm({
  initiative,
  view,
  onDone,
  onCancel,
}: {
  initiative: InitiativeView;
  view: RoadmapView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const id = `delete-${initiative.id}`;
  const form = useDomainForm({
    resolver: 'deleteInitiative',
    schema: deleteInitiativePayload,
    source: initiative,
    revision: view.revision,
    toValues: deleteInitiativeValues,
    // Against the revision the page shows now: a delete has nothing to rebase.
    toDraft: (values: DeleteInitiativeValues) => toDeleteInitiativeDraft(values, initiative.id, view.revision),
    onDone,
    onCancel,
  });
  const consequences = deleteConsequences(initiative, view.initiatives);
  return (
    <DangerConfirm id={id} testId="delete-initiative-confirm" question={<>Delete “{initiative.title}”?</>}>
      <ul style={{ margin: 0, paddingInlineStart: token('space.250'), font: token('font.body.small'), color: token('color.text') }}>
        <li>It leaves the roadmap; the changelog keeps a record.</li>
        {consequences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <DomainFormFrame form={form} idPrefix={id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        <FormErrorLine testId="delete-initiative-error" />
        <WriteStatus form={form} retryHint="Reload the roadmap, then delete it again if it is still there." idPrefix={id} />
        <TextField name="reason" label="Why delete it? (optional)" help="Recorded in the changelog" maxLength={500} />
        <FormButtons label="Delete initiative" appearance="danger" cancelLabel="Keep it" compact />
      </DomainFormFrame>
    </DangerConfirm>
  );
}
