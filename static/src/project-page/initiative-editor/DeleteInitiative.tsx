import { token } from '@atlaskit/tokens';
import { deleteInitiativePayload, type InitiativeView, type RoadmapView } from '../../../../src/domain/api';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { TextField } from '../../shared/form/inputs';
import { ModalForm } from '../../shared/form/ModalForm';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { deleteConsequences, type DeleteInitiativeValues, deleteInitiativeValues, toDeleteInitiativeDraft } from './delete-model';

/**
 * "Delete initiative" from the edit dialog: a confirm dialog over it saying what else changes (dependants lose the
 * dependency, linked epics are unlinked, a promoted debt item goes back to the register), with an optional reason
 * for the changelog. The page shows the write's answer through the data layer; `onDeleted` closes both dialogs,
 * `onCancel` goes back to the editor.
 */
export function DeleteInitiativeDialog({
  initiative,
  view,
  onDeleted,
  onCancel,
}: {
  initiative: InitiativeView;
  view: RoadmapView;
  onDeleted: () => void;
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
    onDone: onDeleted,
    onCancel,
  });
  const consequences = deleteConsequences(initiative, view.initiatives);
  return (
    <ModalForm
      form={form}
      idPrefix={id}
      title={`Delete “${initiative.title}”?`}
      testId="delete-initiative-confirm"
      width="small"
      footer={<FormButtons label="Delete initiative" appearance="danger" cancelLabel="Keep it" />}
    >
      <ul style={{ margin: 0, paddingInlineStart: token('space.250'), font: token('font.body'), color: token('color.text') }}>
        <li>It leaves the roadmap; the changelog keeps a record.</li>
        {consequences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <FormErrorLine testId="delete-initiative-error" />
      <WriteStatus form={form} retryHint="Reload the roadmap, then delete it again if it is still there." idPrefix={id} />
      <TextField name="reason" label="Why delete it? (optional)" help="Recorded in the changelog" maxLength={500} />
    </ModalForm>
  );
}
