import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ChangeEvent } from 'react';
import { createDebtItemPayload, type RoadmapView } from '../../../../src/domain/api';
import { CAPACITY_UNIT_LABEL } from '../../../../src/domain/labels';
import { Field } from '../../shared/fields';
import { DomainFormFrame } from '../../shared/form/DomainFormFrame';
import { FormButtons } from '../../shared/form/FormButtons';
import { FormErrorLine } from '../../shared/form/FormErrorLine';
import { SelectField, TextAreaField, TextField, useLayerField } from '../../shared/form/inputs';
import { boxedForm } from '../../shared/form/styles';
import { useDomainForm } from '../../shared/form/use-domain-form';
import { WriteStatus } from '../../shared/merge-notice';
import { CATEGORY_OPTIONS, emptyDebt, toDebtDraft } from './debt-model';

const ID = 'debt-new';

/**
 * A number input (1–5 scales, effort) for the payload path `name`, as an ADS text field of type number, so the
 * browser offers its spinner and keypad.
 */
function NumberField({ name, label, help, min, max, step }: { name: string; label: string; help?: string; min: number; max: number; step?: number }) {
  const f = useLayerField(name);
  return (
    <Field id={f.id} label={label} error={f.error} help={help}>
      <Textfield
        id={f.id}
        name={f.id}
        type="number"
        inputMode={step === 1 ? 'numeric' : 'decimal'}
        min={min}
        max={max}
        step={step ?? 'any'}
        value={f.value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => f.onChange(e.currentTarget.value)}
        isInvalid={Boolean(f.error)}
        autoComplete="off"
        aria-invalid={f.error ? true : undefined}
        aria-describedby={f.error ? `${f.id}-error` : help ? `${f.id}-help` : undefined}
      />
    </Field>
  );
}

/**
 * Records one piece of technical debt (createDebtItem), validated in the browser with the resolver's own schema.
 * The data layer shows the new item; `onRecorded` gets its title (for the section's confirmation) and closes the
 * form; `onCancel` closes it.
 */
export function RecordDebtForm({ view, onRecorded, onCancel }: { view: RoadmapView; onRecorded: (title: string) => void; onCancel: () => void }) {
  const form = useDomainForm({
    resolver: 'createDebtItem',
    schema: createDebtItemPayload,
    source: view,
    revision: view.revision,
    toValues: emptyDebt,
    // Against the revision the page shows now (after a CONFLICT the data layer shows the newest).
    toDraft: (values) => toDebtDraft(values, view.revision),
    onDone: (_, payload) => onRecorded(payload.item.title.trim()),
    onCancel,
  });
  const effortHelp = `Optional, in ${CAPACITY_UNIT_LABEL[view.capacity.unit].many}`;
  return (
    <DomainFormFrame form={form} idPrefix={ID} testId="record-debt-form" label="Record technical debt" style={boxedForm}>
      <FormErrorLine testId="record-debt-error" />
      <WriteStatus form={form} retryHint="Reload the roadmap, then record the item again — what you typed is kept." idPrefix={ID} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: token('space.150') }}>
        <TextField name="item.title" label="Debt title" maxLength={200} placeholder="e.g. Payments pinned to Postgres 11" />
        <SelectField name="item.category" label="Category" options={CATEGORY_OPTIONS} />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: token('space.150') }}>
        <NumberField name="item.impact" label="Impact (1–5)" help="5 blocks goals" min={1} max={5} step={1} />
        <NumberField name="item.urgency" label="Urgency (1–5)" help="5 means act now" min={1} max={5} step={1} />
        <NumberField name="item.effort" label="Effort" help={effortHelp} min={0} max={10000} />
      </div>
      <TextAreaField name="item.description" label="Description" help="Optional: what it costs today, and where" maxLength={2000} rows={3} />
      <FormButtons label="Record debt" />
    </DomainFormFrame>
  );
}
