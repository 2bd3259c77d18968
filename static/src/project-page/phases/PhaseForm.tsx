import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError, MutationResult, RoadmapView } from '../../../../src/domain/api';
import type { Phase } from '../../../../src/domain/model';
import { call } from '../../shared/client';
import { Field, TextInput } from '../../shared/fields';
import { TextArea } from '../../shared/text-area';
import { WriteError } from '../../shared/write-error';
import { upcomingQuarters } from '../form-model';
import { ErrorLine } from '../settings/inputs';
import {
  NO_PHASE_ERRORS,
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
 * Adds a phase (createPhase) or, given `phase`, edits it (updatePhase, only what changed): name, theme, start and
 * end quarter, description. Validated with the resolver's own schema; server errors land beside the inputs.
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
  const [values, setValues] = useState<PhaseValues>(() => (phase ? phaseValues(phase) : newPhaseValues(view.phases)));
  const [errors, setErrors] = useState<PhaseErrors>(NO_PHASE_ERRORS);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = phase ? `phase-edit-${phase.id}` : 'phase-new';
  const fid = (field: PhaseField) => `${id}-${field}`;
  const quarters = upcomingQuarters();

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [view.revision]);

  const set = (field: PhaseField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors.byField[field] || errors.other.length > 0) setErrors((e) => ({ byField: { ...e.byField, [field]: undefined }, other: [] }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setApiError(null);
    const draft = phase ? toUpdatePayload(values, phase, view.revision) : toCreatePayload(values, view.revision);
    const schemaErrors = validatePhase(draft.payload);
    const mapped = schemaErrors ? mapPhaseErrors(schemaErrors) : NO_PHASE_ERRORS;
    const local: PhaseErrors = { ...mapped, byField: { ...draft.localErrors, ...mapped.byField } };
    if (Object.values(local.byField).some(Boolean) || local.other.length > 0) {
      setErrors(local);
      return;
    }
    if ('patch' in draft.payload && Object.keys(draft.payload.patch).length === 0) {
      setErrors({ byField: {}, other: ['Nothing to save: no field changed.'] });
      return;
    }
    setErrors(NO_PHASE_ERRORS);
    setSubmitting(true);
    const result = 'patch' in draft.payload ? await call('updatePhase', draft.payload) : await call('createPhase', draft.payload);
    setSubmitting(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    const { error } = result;
    if (error.fields && Object.keys(error.fields).length > 0) setErrors(mapPhaseErrors(error.fields));
    else setApiError(error);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !submitting) onCancel();
  };
  const e = errors.byField;
  const quarterField = (field: 'startQuarter' | 'endQuarter', label: string) => (
    <Field id={fid(field)} label={label} error={e[field]} help="e.g. 2027-Q1">
      <TextInput id={fid(field)} value={values[field]} onChange={set(field)} error={e[field]} help="e.g. 2027-Q1" placeholder="2027-Q1" list={`${id}-quarters`} />
    </Field>
  );
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
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
      {apiError ? <WriteError error={apiError} onReload={onReload} retryHint="Reload the roadmap, then save again — what you typed is kept." /> : null}
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
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" spacing="compact" isLoading={submitting}>
          {phase ? 'Save phase' : 'Add phase'}
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={onCancel} isDisabled={submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
