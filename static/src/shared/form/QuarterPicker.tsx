import { quarterLabel } from '../../../../src/domain/quarter';
import { Field, TextInput } from '../fields';
import { useLayerField } from './inputs';

/**
 * A target-quarter input for the payload path `name`: takes "2027-Q2" or "Q2 2027" (shown as 2027-Q2 once it
 * leaves the field) and suggests `suggestions` (e.g. the next eight quarters).
 */
export function QuarterPicker({ name, label = 'Target quarter', suggestions = [] }: { name: string; label?: string; suggestions?: readonly string[] }) {
  const f = useLayerField(name);
  const listId = suggestions.length > 0 ? `${f.id}-quarters` : undefined;
  const help = 'e.g. 2027-Q2';
  return (
    <Field id={f.id} label={label} error={f.error} help={help}>
      <TextInput id={f.id} value={f.value} onChange={f.onChange} error={f.error} help={help} placeholder="2027-Q2" list={listId} />
      {listId ? (
        <datalist id={listId}>
          {suggestions.map((q) => (
            <option key={q} value={q}>
              {quarterLabel(q)}
            </option>
          ))}
        </datalist>
      ) : null}
    </Field>
  );
}
