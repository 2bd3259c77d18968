import { type ChangeEvent, useState } from 'react';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { MutationResult, RoadmapView } from '../../../../src/domain/api';
import type { DebtCategory } from '../../../../src/domain/model';
import { schemaCheck, useWriteForm } from '../../shared/use-write-form';
import { Field, FormActions, NativeSelect, TextInput } from '../../shared/fields';
import { WriteStatus } from '../../shared/merge-notice';
import { TextArea } from '../../shared/text-area';
import { CAPACITY_UNIT_LABEL } from '../../../../src/domain/labels';
import {
  CATEGORY_OPTIONS,
  type DebtField,
  type DebtValues,
  type FormErrors,
  emptyDebt,
  mapDebtErrors,
  toDebtPayload,
  validateDebt,
} from './debt-model';

const NO_ERRORS: FormErrors<DebtField> = { byField: {}, other: [] };

/** A number input (1–5 scales, effort) as an ADS text field, so the browser offers its spinner and keypad. */
function NumberInput({ id, value, onChange, error, help, min, max, step }: { id: string; value: string; onChange: (v: string) => void; error?: string; help?: string; min: number; max: number; step?: number }) {
  return (
    <Textfield
      id={id}
      name={id}
      type="number"
      inputMode={step === 1 ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      step={step ?? 'any'}
      value={value}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.currentTarget.value)}
      isInvalid={Boolean(error)}
      autoComplete="off"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}
    />
  );
}

/**
 * Records one piece of technical debt (createDebtItem), validated in the browser with the resolver's own schema.
 * `onRecorded` gets the write's result and the item's title; `onCancel` closes the form.
 */
export function RecordDebtForm({
  view,
  onRecorded,
  onCancel,
  onReload,
}: {
  view: RoadmapView;
  onRecorded: (result: MutationResult, title: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [values, setValues] = useState<DebtValues>(emptyDebt);
  const form = useWriteForm({
    resolver: 'createDebtItem',
    revision: view.revision,
    noErrors: NO_ERRORS,
    validate: schemaCheck(validateDebt, mapDebtErrors),
    mapErrors: mapDebtErrors,
    leftovers: 'api-error',
    onDone: (result, payload) => onRecorded(result, payload.item.title.trim()),
    onCancel,
  });
  const { errors, submitting } = form;

  const set = (field: DebtField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearFieldError(field);
  };

  const e = errors.byField;
  const effortHelp = `Optional, in ${CAPACITY_UNIT_LABEL[view.capacity.unit].many}`;
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit(() => toDebtPayload(values, view.revision))}
      onKeyDown={form.onKeyDown}
      data-testid="record-debt-form"
      aria-label="Record technical debt"
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
      <WriteStatus form={form} retryHint="Reload the roadmap, then record the item again — what you typed is kept." idPrefix="debt-new" />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: token('space.150') }}>
        <Field id="debt-title" label="Debt title" error={e.title}>
          <TextInput id="debt-title" value={values.title} onChange={set('title')} error={e.title} maxLength={200} placeholder="e.g. Payments pinned to Postgres 11" />
        </Field>
        <Field id="debt-category" label="Category" error={e.category}>
          <NativeSelect id="debt-category" value={values.category} onChange={(v) => set('category')(v as DebtCategory)} error={e.category} options={CATEGORY_OPTIONS} />
        </Field>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: token('space.150') }}>
        <Field id="debt-impact" label="Impact (1–5)" error={e.impact} help="5 blocks goals">
          <NumberInput id="debt-impact" value={values.impact} onChange={set('impact')} error={e.impact} help="5 blocks goals" min={1} max={5} step={1} />
        </Field>
        <Field id="debt-urgency" label="Urgency (1–5)" error={e.urgency} help="5 means act now">
          <NumberInput id="debt-urgency" value={values.urgency} onChange={set('urgency')} error={e.urgency} help="5 means act now" min={1} max={5} step={1} />
        </Field>
        <Field id="debt-effort" label="Effort" error={e.effort} help={effortHelp}>
          <NumberInput id="debt-effort" value={values.effort} onChange={set('effort')} error={e.effort} help={effortHelp} min={0} max={10000} />
        </Field>
      </div>
      <Field id="debt-description" label="Description" error={e.description} help="Optional: what it costs today, and where">
        <TextArea id="debt-description" value={values.description} onChange={set('description')} error={e.description} help="Optional: what it costs today, and where" maxLength={2000} rows={3} />
      </Field>
      <FormActions label="Record debt" submitting={submitting} onCancel={onCancel} />
    </form>
  );
}
