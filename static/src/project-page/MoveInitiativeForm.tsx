import { token } from '@atlaskit/tokens';
import type { InitiativeView, MutationResult } from '../../../src/domain/api';
import type { Phase } from '../../../src/domain/model';
import { WriteStatus } from '../shared/merge-notice';
import { useMergeForm } from '../shared/use-merge-form';
import { schemaCheck, useWriteForm } from '../shared/use-write-form';
import { Field, FormActions, NativeSelect, TextInput } from '../shared/fields';
import { phasesInOrder } from '../shared/phases';
import { MOVE_EQUALS, MOVE_LABELS, type MoveErrors, type MoveField, type MoveValues, mapMoveErrors, moveValues, toMovePayload, validateMove } from './move-model';

const NO_ERRORS: MoveErrors = { byField: {}, other: [] };

/**
 * Moves one initiative to another target quarter and/or phase, with the reason the changelog records. Inline in
 * the initiative's card; `onMoved` gets the write's result, `onCancel` closes the form. Sends only what this user
 * changed; a CONFLICT rebases it three-way onto the newest version of the initiative.
 */
export function MoveInitiativeForm({
  initiative,
  phases,
  revision,
  onMoved,
  onCancel,
  onReload,
}: {
  initiative: InitiativeView;
  phases: Phase[];
  revision: number;
  onMoved: (result: MutationResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const merge = useMergeForm<MoveValues, InitiativeView>({
    source: initiative,
    revision,
    toValues: moveValues,
    select: (view) => view.initiatives.find((i) => i.id === initiative.id),
    labels: MOVE_LABELS,
    describe: (field, value) => (field === 'phaseId' ? phases.find((p) => p.id === value)?.name : undefined),
    equals: MOVE_EQUALS,
  });
  const { values, base } = merge;
  const form = useWriteForm({
    resolver: 'moveInitiative',
    revision: base.revision,
    merge,
    noErrors: NO_ERRORS,
    validate: schemaCheck(validateMove, mapMoveErrors),
    mapErrors: mapMoveErrors,
    onDone: onMoved,
    onCancel,
  });
  const { errors, submitting } = form;
  const idPrefix = `move-${initiative.id}`;

  const set = (field: MoveField) => (value: string) => {
    merge.set(field)(value);
    form.clearFieldError(field);
  };

  const e = errors.byField;
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit(() => toMovePayload(values, base.source, base.revision))}
      onKeyDown={form.onKeyDown}
      data-testid="move-form"
      aria-label={`Move “${initiative.title}”`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`,
        paddingBlockStart: token('space.100'),
      }}
    >
      {errors.other.length > 0 ? (
        <div role="alert" data-testid="move-error" style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
          {errors.other.join(' ')}
        </div>
      ) : null}
      <WriteStatus form={form} merge={merge} onReload={onReload} retryHint="Reload the roadmap, then move the initiative again." idPrefix={idPrefix} />
      <Field id={`${idPrefix}-targetQuarter`} label="Target quarter" error={e.targetQuarter} help="e.g. 2027-Q2">
        <TextInput
          id={`${idPrefix}-targetQuarter`}
          value={values.targetQuarter}
          onChange={set('targetQuarter')}
          error={e.targetQuarter}
          help="e.g. 2027-Q2"
          placeholder="2027-Q2"
        />
      </Field>
      <Field id={`${idPrefix}-phaseId`} label="Phase" error={e.phaseId}>
        <NativeSelect
          id={`${idPrefix}-phaseId`}
          value={values.phaseId}
          onChange={set('phaseId')}
          error={e.phaseId}
          options={phasesInOrder(phases).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Field>
      <Field id={`${idPrefix}-reason`} label="Why is it moving?" error={e.reason} help="Recorded in the changelog">
        <TextInput id={`${idPrefix}-reason`} value={values.reason} onChange={set('reason')} error={e.reason} help="Recorded in the changelog" maxLength={500} />
      </Field>
      <FormActions label="Move initiative" submitting={submitting} onCancel={onCancel} compact />
    </form>
  );
}
