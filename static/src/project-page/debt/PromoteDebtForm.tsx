import { useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { MutationResult } from '../../../../src/domain/api';
import type { DebtItem, Phase } from '../../../../src/domain/model';
import { quarterLabel } from '../../../../src/domain/quarter';
import { schemaCheck, useWriteForm } from '../../shared/use-write-form';
import { Field, FormActions, NativeSelect, TextInput } from '../../shared/fields';
import { phasesInOrder } from '../../shared/phases';
import { WriteStatus } from '../../shared/merge-notice';
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
  const form = useWriteForm({
    resolver: 'promoteDebtItem',
    revision,
    noErrors: NO_ERRORS,
    validate: schemaCheck(validatePromote, mapPromoteErrors),
    mapErrors: mapPromoteErrors,
    leftovers: 'api-error',
    onDone: onPromoted,
    onCancel,
    focus: 'select',
  });
  const { errors, submitting } = form;
  const idPrefix = `promote-${item.id}`;
  const quarters = upcomingQuarters();

  const set = (field: PromoteField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearFieldError(field);
  };

  const e = errors.byField;
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit(() => toPromotePayload(values, item.id, revision))}
      onKeyDown={form.onKeyDown}
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
      <WriteStatus form={form} retryHint="Reload the roadmap, then promote the item again." idPrefix={idPrefix} />
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
      <FormActions label="Promote to initiative" submitting={submitting} onCancel={onCancel} compact />
    </form>
  );
}
