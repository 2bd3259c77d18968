import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError, InitiativeView, MutationResult } from '../../../src/domain/api';
import type { Phase } from '../../../src/domain/model';
import { call } from '../shared/client';
import { WriteError } from '../shared/write-error';
import { Field, NativeSelect, TextInput } from '../shared/fields';
import { phasesInOrder } from '../shared/phases';
import { type MoveErrors, type MoveField, mapMoveErrors, moveValues, toMovePayload, validateMove } from './move-model';

const NO_ERRORS: MoveErrors = { byField: {}, other: [] };

/**
 * Moves one initiative to another target quarter and/or phase, with the reason the changelog records. Inline in
 * the initiative's card; `onMoved` gets the write's result, `onCancel` closes the form.
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
  const [values, setValues] = useState(() => moveValues(initiative));
  const [errors, setErrors] = useState<MoveErrors>(NO_ERRORS);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = `move-${initiative.id}`;

  useEffect(() => {
    formRef.current?.querySelector('input')?.focus();
  }, []);
  // After a reload brings a newer revision, a conflict message no longer applies.
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [revision]);

  const set = (field: MoveField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors.byField[field]) setErrors((e) => ({ ...e, byField: { ...e.byField, [field]: undefined } }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setApiError(null);
    const payload = toMovePayload(values, initiative, revision);
    const local = validateMove(payload);
    if (local) {
      setErrors(mapMoveErrors(local));
      return;
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    const result = await call('moveInitiative', payload);
    setSubmitting(false);
    if (result.ok) {
      onMoved(result.value);
      return;
    }
    const { error } = result;
    if (error.fields && Object.keys(error.fields).length > 0) setErrors(mapMoveErrors(error.fields));
    else setApiError(error);
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel();
  };
  const e = errors.byField;
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
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
      {apiError ? <WriteError error={apiError} onReload={onReload} retryHint="Reload the roadmap, then move the initiative again." /> : null}
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
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" spacing="compact" isLoading={submitting}>
          Move initiative
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={onCancel} isDisabled={submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
