import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { createInitiativePayload, type InitiativeView, type RoadmapView, updateInitiativePayload } from '../../../../src/domain/api';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { ModalForm } from '../../shared/form/ModalForm';
import { fieldId } from '../../shared/form/paths';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { phasesInOrder } from '../../shared/phases';
import { DeleteInitiativeDialog } from './DeleteInitiative';
import {
  type CreateValues,
  createValues,
  describeEditorValue,
  EDITOR_EQUALS,
  EDITOR_LABELS,
  type EditorValues,
  editorValues,
  toCreateDraft,
  toUpdateDraft,
} from './editor-model';
import { InitiativeFields } from './InitiativeFields';

/**
 * The initiative dialog: creates an initiative (no `initiative`) or edits one, with every field of the model in one
 * form (InitiativeFields, one form model: editor-model.ts). `onClose` once saved, cancelled or deleted; the card
 * shows the write's answer through the data layer, which also announces it.
 */
export function InitiativeDialog({
  view,
  initiative,
  focus,
  onClose,
}: {
  view: RoadmapView;
  initiative?: InitiativeView;
  /** Edit only: open on the success metric's current value instead of the title. */
  focus?: 'metric';
  onClose: () => void;
}) {
  return initiative ? (
    <EditInitiativeDialog view={view} initiative={initiative} focus={focus} onClose={onClose} />
  ) : (
    <CreateInitiativeDialog view={view} onClose={onClose} />
  );
}

/**
 * A fixed height, so the header and the footer's buttons stay in sight: the page's frame is as tall as the page (Jira
 * sizes it to its content), so a dialog allowed to grow with its fields would run past the screen. The body scrolls.
 */
const DIALOG_HEIGHT = 600;

/** The form's test id in both modes (browser tests find the dialog's form by it). */
const TEST_ID = 'initiative-editor';

/** createInitiative against the revision the page shows; every field at once, epics by key. */
function CreateInitiativeDialog({ view, onClose }: { view: RoadmapView; onClose: () => void }) {
  const id = 'create';
  const goalOrder = view.businessGoals.map((g) => g.id);
  const form = useDomainForm({
    resolver: 'createInitiative',
    schema: createInitiativePayload,
    // A new initiative edits nothing stored: its defaults start in the roadmap's first phase.
    source: phasesInOrder(view.phases)[0]?.id ?? '',
    revision: view.revision,
    toValues: (phaseId: string) => createValues(phaseId),
    // Against the revision the page shows now (a create is not rebased: after a CONFLICT it is sent again as it is).
    toDraft: (values: CreateValues) => toCreateDraft(values, view.revision, goalOrder),
    onDone: () => onClose(),
    onCancel: onClose,
  });
  return (
    <ModalForm
      form={form}
      idPrefix={id}
      title="New initiative"
      testId={TEST_ID}
      width="large"
      height={DIALOG_HEIGHT}
      dataset={{ mode: 'create' }}
      footer={<FormButtons label="Add initiative" />}
    >
      <FormErrorLine testId="initiative-editor-error" />
      <WriteStatus form={form} retryHint="Reload the roadmap, then create it again — what you typed is kept." idPrefix={id} />
      <InitiativeFields mode="create" view={view} idPrefix={id} />
    </ModalForm>
  );
}

/**
 * updateInitiative: sends only what this user changed relative to the stored version the edit is based on; when
 * someone else saved first (CONFLICT) it rebases three-way onto the newest version and asks "keep mine / take
 * theirs" for each field both changed. Asks why it moves exactly when the domain's rule says the edit is a move.
 * "Delete initiative" opens its confirm as a dialog over this one.
 */
function EditInitiativeDialog({ view, initiative, focus, onClose }: { view: RoadmapView; initiative: InitiativeView; focus?: 'metric'; onClose: () => void }) {
  const id = `edit-${initiative.id}`;
  const moveContext = { horizonRules: view.horizonRules, today: new Date() };
  const goalOrder = view.businessGoals.map((g) => g.id);
  const [deleting, setDeleting] = useState(false);
  const form = useDomainForm({
    resolver: 'updateInitiative',
    schema: updateInitiativePayload,
    source: initiative,
    revision: view.revision,
    toValues: editorValues,
    toDraft: (values: EditorValues, base) => toUpdateDraft(values, base.source, base.revision, goalOrder, moveContext),
    select: (fresh) => fresh.initiatives.find((i) => i.id === initiative.id),
    labels: EDITOR_LABELS,
    describe: (path, value) => describeEditorValue(path, value, view),
    equals: EDITOR_EQUALS,
    onDone: () => onClose(),
    onCancel: onClose,
  });
  return (
    <ModalForm
      form={form}
      idPrefix={id}
      title={`Edit “${initiative.title}”`}
      testId={TEST_ID}
      width="large"
      height={DIALOG_HEIGHT}
      dataset={{ mode: 'edit', 'initiative-id': initiative.id }}
      initialFocus={focus === 'metric' ? `[id="${fieldId(id, 'patch.successMetric.current')}"]` : undefined}
      footer={
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: token('space.100'), inlineSize: '100%' }}>
          <Button appearance="subtle" onClick={() => setDeleting(true)} isDisabled={form.submitting}>
            <span style={{ color: token('color.text.danger') }}>Delete initiative</span>
          </Button>
          <FormButtons label="Save changes" />
        </div>
      }
      outside={deleting ? <DeleteInitiativeDialog initiative={initiative} view={view} onDeleted={onClose} onCancel={() => setDeleting(false)} /> : null}
    >
      <FormErrorLine testId="initiative-editor-error" />
      <WriteStatus form={form} merge={form.merge} retryHint="Reload the roadmap, then save again — your edits are kept." idPrefix={id} />
      <InitiativeFields mode="edit" view={view} idPrefix={id} stored={form.merge.base.source} moveContext={moveContext} />
    </ModalForm>
  );
}
