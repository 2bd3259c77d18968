import { token } from '@atlaskit/tokens';
import type { MutationResult, RoadmapView } from '../../../../src/domain/api';
import type { Phase } from '../../../../src/domain/model';
import { useWriteForm } from '../../shared/use-write-form';
import { Field, FormActions, TextInput } from '../../shared/fields';
import { WriteStatus } from '../../shared/merge-notice';
import { TextArea } from '../../shared/text-area';
import { useMergeForm } from '../../shared/use-merge-form';
import { upcomingQuarters } from '../form-model';
import { ErrorLine } from '../settings/inputs';
import {
  NO_PHASE_ERRORS,
  PHASE_EQUALS,
  PHASE_LABELS,
  type PhaseErrors,
  type PhaseField,
  type PhaseValues,
  mapPhaseErrors,
  newPhaseValues,
  phaseValues,
  toCreatePayload,
  toUpdatePayload,
  validatePhase,
} from './phase-model';

/**
 * Adds a phase (createPhase) or, given `phase`, edits it (updatePhase, only what changed since the version it is
 * based on; a CONFLICT rebases it three-way onto the newest phase): name, theme, start and end quarter,
 * description. Validated with the resolver's own schema; server errors land beside the inputs.
 */
export function PhaseForm({
  view,
  phase,
  onSaved,
  onCancel,
  onReload,
}: {
  view: RoadmapView;
  phase?: Phase;
  onSaved: (result: MutationResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const merge = useMergeForm<PhaseValues, Phase | null>({
    source: phase ?? null,
    revision: view.revision,
    toValues: (p) => (p ? phaseValues(p) : newPhaseValues(view.phases)),
    select: (fresh) => (phase ? fresh.phases.find((p) => p.id === phase.id) : null),
    labels: PHASE_LABELS,
    equals: PHASE_EQUALS,
    enabled: phase !== undefined,
  });
  const { values } = merge;
  const stored = merge.base.source;
  // What the form would send (an edit: against the version it is based on), and the span check the schema can't make.
  const draft = stored ? toUpdatePayload(values, stored, merge.base.revision) : toCreatePayload(values, view.revision);
  const form = useWriteForm({
    resolver: phase ? 'updatePhase' : 'createPhase',
    revision: phase ? merge.base.revision : view.revision,
    merge: phase ? merge : undefined,
    noErrors: NO_PHASE_ERRORS,
    validate: (payload): PhaseErrors | null => {
      const schemaErrors = validatePhase(payload);
      const mapped = schemaErrors ? mapPhaseErrors(schemaErrors) : NO_PHASE_ERRORS;
      const local: PhaseErrors = { ...mapped, byField: { ...draft.localErrors, ...mapped.byField } };
      if (Object.values(local.byField).some(Boolean) || local.other.length > 0) return local;
      if ('patch' in payload && Object.keys(payload.patch).length === 0) return { byField: {}, other: ['Nothing to save: no field changed.'] };
      return null;
    },
    mapErrors: mapPhaseErrors,
    clearOtherOnChange: true,
    onDone: onSaved,
    onCancel,
    escapeWhileSubmitting: false,
  });
  const { errors, submitting } = form;
  const id = phase ? `phase-edit-${phase.id}` : 'phase-new';
  const fid = (field: PhaseField) => `${id}-${field}`;
  const quarters = upcomingQuarters();

  const set = (field: PhaseField) => (value: string) => {
    merge.set(field)(value);
    form.clearFieldError(field);
  };

  const e = errors.byField;
  const quarterField = (field: 'startQuarter' | 'endQuarter', label: string) => (
    <Field id={fid(field)} label={label} error={e[field]} help="e.g. 2027-Q1">
      <TextInput id={fid(field)} value={values[field]} onChange={set(field)} error={e[field]} help="e.g. 2027-Q1" placeholder="2027-Q1" list={`${id}-quarters`} />
    </Field>
  );
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit(() => draft.payload)}
      onKeyDown={form.onKeyDown}
      data-testid="phase-form"
      aria-label={phase ? `Edit “${phase.name}”` : 'New phase'}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.150'),
        padding: token('space.150'),
        borderRadius: token('radius.medium', '6px'),
        backgroundColor: token('color.background.neutral.subtle'),
        border: `${token('border.width', '1px')} solid ${token('color.border')}`,
        maxWidth: '640px',
      }}
    >
      {errors.other.length > 0 ? <ErrorLine testId="phase-form-error">{errors.other.join(' ')}</ErrorLine> : null}
      <WriteStatus form={form} merge={phase ? merge : undefined} retryHint="Reload the roadmap, then save again — what you typed is kept." idPrefix={id} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: token('space.150'), alignItems: 'start' }}>
        <Field id={fid('name')} label="Name" error={e.name}>
          <TextInput id={fid('name')} value={values.name} onChange={set('name')} error={e.name} maxLength={100} placeholder="e.g. Resilience" />
        </Field>
        <Field id={fid('theme')} label="Theme" error={e.theme} help="Optional, one line">
          <TextInput id={fid('theme')} value={values.theme} onChange={set('theme')} error={e.theme} help="Optional, one line" maxLength={200} />
        </Field>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 160px), 1fr))', gap: token('space.150'), alignItems: 'start' }}>
        {quarterField('startQuarter', 'Start quarter')}
        {quarterField('endQuarter', 'End quarter')}
        <datalist id={`${id}-quarters`}>
          {quarters.map((q) => (
            <option key={q.value} value={q.value}>
              {q.label}
            </option>
          ))}
        </datalist>
      </div>
      <Field id={fid('description')} label="Description" error={e.description} help="Optional">
        <TextArea id={fid('description')} value={values.description} onChange={set('description')} error={e.description} help="Optional" maxLength={1000} rows={2} />
      </Field>
      <FormActions label={phase ? 'Save phase' : 'Add phase'} submitting={submitting} onCancel={onCancel} compact />
    </form>
  );
}
