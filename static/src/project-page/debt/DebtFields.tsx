import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ChangeEvent } from 'react';
import { CAPACITY_UNIT_LABEL } from '../../../../src/domain/labels';
import type { CapacitySettings } from '../../../../src/domain/model';
import { Field } from '../../shared/fields';
import { SelectField, TextAreaField, TextField, useLayerField } from '../../shared/form/inputs';
import { CATEGORY_OPTIONS } from './debt-model';

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

const grid = (min: number) => ({
  display: 'grid',
  gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${min}px), 1fr))`,
  gap: token('space.150'),
  alignItems: 'start',
});

/**
 * Every field of a debt item, under the payload path `path` (`item` when recording one, `patch` when editing):
 * title, category, impact and urgency (1–5), effort in the roadmap's unit, description.
 */
export function DebtFields({ path, unit }: { path: 'item' | 'patch'; unit: CapacitySettings['unit'] }) {
  return (
    <>
      <div style={grid(200)}>
        <TextField name={`${path}.title`} label="Debt title" maxLength={200} placeholder="e.g. Payments pinned to Postgres 11" />
        <SelectField name={`${path}.category`} label="Category" options={CATEGORY_OPTIONS} />
      </div>
      <div style={grid(140)}>
        <NumberField name={`${path}.impact`} label="Impact (1–5)" help="5 blocks goals" min={1} max={5} step={1} />
        <NumberField name={`${path}.urgency`} label="Urgency (1–5)" help="5 means act now" min={1} max={5} step={1} />
        <NumberField name={`${path}.effort`} label="Effort" help={`Optional, in ${CAPACITY_UNIT_LABEL[unit].many}`} min={0} max={10000} />
      </div>
      <TextAreaField name={`${path}.description`} label="Description" help="Optional: what it costs today, and where" maxLength={2000} rows={3} />
    </>
  );
}
