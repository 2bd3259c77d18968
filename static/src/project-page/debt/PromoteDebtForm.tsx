import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ApiError, MutationResult } from '../../../../src/domain/api';
import type { DebtItem, Phase } from '../../../../src/domain/model';
import { quarterLabel } from '../../../../src/domain/quarter';
import { call } from '../../shared/client';
import { Field, NativeSelect, TextInput } from '../../shared/fields';
import { phasesInOrder } from '../../shared/phases';
import { WriteError } from '../../shared/write-error';
import { upcomingQuarters } from '../form-model';
import { type FormErrors, type PromoteField, mapPromoteErrors, promoteValues, toPromotePayload, validatePromote } from './debt-model';

const NO_ERRORS: FormErrors<PromoteField> = { byField: {}, other: [] };

/**
 * Promotes a debt item to an initiative (promoteDebtItem): the initiative takes the item's title, description,
 * effort and a track from its category; the form asks for what it cannot give — phase, target quarter, success
 * metric. Inline under the item; `onPromoted` gets the write's result.
 */
export function PromoteDebtForm({
  item,
  phases,
  revision,
  onPromoted,
  onCancel,
  onReload,
}: {
  item: DebtItem;
  phases: Phase[];
  revision: number;
  onPromoted: (result: MutationResult) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [values, setValues] = useState(() => promoteValues(phases));
  const [errors, setErrors] = useState<FormErrors<PromoteField>>(NO_ERRORS);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = `promote-${item.id}`;
  const quarters = upcomingQuarters();

  useEffect(() => {
    formRef.current?.querySelector('select')?.focus();
  }, []);
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [revision]);

  const set = (field: PromoteField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors.byField[field]) setErrors((e) => ({ ...e, byField: { ...e.byField, [field]: undefined } }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setApiError(null);
    const payload = toPromotePayload(values, item.id, revision);
    const local = validatePromote(payload);
    if (local) {
      setErrors(mapPromoteErrors(local));
      return;
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    const result = await call('promoteDebtItem', payload);
    setSubmitting(false);
    if (result.ok) {
      onPromoted(result.value);
      return;
    }
    const { error } = result;
    if (error.fields && Object.keys(error.fields).length > 0) {
      const mapped = mapPromoteErrors(error.fields);
      setErrors(mapped);
      if (mapped.other.length > 0) setApiError({ ...error, message: mapped.other.join(' ') });
    } else setApiError(error);
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
      data-testid="promote-form"
      aria-label={`Promote “${item.title}” to an initiative`}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`,
        paddingBlockStart: token('space.100'),
        maxWidth: '640px',
      }}
    >
      {apiError ? <WriteError error={apiError} onReload={onReload} retryHint="Reload the roadmap, then promote the item again." /> : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: token('space.100') }}>
        <Field id={`${idPrefix}-phaseId`} label="Phase" error={e.phaseId}>
          <NativeSelect
            id={`${idPrefix}-phaseId`}
            value={values.phaseId}
            onChange={set('phaseId')}
            error={e.phaseId}
            options={phasesInOrder(phases).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Field>
        <Field id={`${idPrefix}-targetQuarter`} label="Target quarter" error={e.targetQuarter} help="e.g. 2027-Q2">
          <TextInput
            id={`${idPrefix}-targetQuarter`}
            value={values.targetQuarter}
            onChange={set('targetQuarter')}
            error={e.targetQuarter}
            help="e.g. 2027-Q2"
            placeholder="2027-Q2"
            list={`${idPrefix}-quarters`}
          />
          <datalist id={`${idPrefix}-quarters`}>
            {quarters.map((q) => (
              <option key={q.value} value={q.value}>
                {quarterLabel(q.value)}
              </option>
            ))}
          </datalist>
        </Field>
      </div>
      <Field id={`${idPrefix}-successMetric`} label="Success metric" error={e.successMetric} help="How you will know the debt is paid down">
        <TextInput
          id={`${idPrefix}-successMetric`}
          value={values.successMetric}
          onChange={set('successMetric')}
          error={e.successMetric}
          help="How you will know the debt is paid down"
          maxLength={500}
        />
      </Field>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" spacing="compact" isLoading={submitting}>
          Promote to initiative
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={onCancel} isDisabled={submitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
