import type { ReactNode } from 'react';
import { useController } from 'react-hook-form';
import { Field, NativeSelect, TextInput } from '../fields';
import { TextArea } from '../text-area';
import { useFormLayer } from './layer-context';
import { fieldId } from './paths';

/** A form field bound by its payload path: its id, value, setter and error. */
export function useLayerField(name: string) {
  const { idPrefix, form } = useFormLayer();
  const { field, fieldState } = useController({ name, control: form.methods.control });
  return {
    id: fieldId(idPrefix, name),
    value: field.value as string,
    onChange: field.onChange as (value: unknown) => void,
    onBlur: field.onBlur,
    error: fieldState.error?.message,
  };
}

/** A labelled text input for the payload path `name`. */
export function TextField(props: {
  name: string;
  label: string;
  help?: string;
  placeholder?: string;
  maxLength?: number;
  numeric?: 'numeric' | 'decimal';
  after?: ReactNode;
  list?: string;
}) {
  const f = useLayerField(props.name);
  return (
    <Field id={f.id} label={props.label} error={f.error} help={props.help}>
      <TextInput
        id={f.id}
        value={f.value}
        onChange={f.onChange}
        error={f.error}
        help={props.help}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        numeric={props.numeric}
        after={props.after}
        list={props.list}
      />
    </Field>
  );
}

/** A labelled multi-line input for the payload path `name`. */
export function TextAreaField(props: { name: string; label: string; help?: string; maxLength?: number; rows?: number }) {
  const f = useLayerField(props.name);
  return (
    <Field id={f.id} label={props.label} error={f.error} help={props.help}>
      <TextArea id={f.id} value={f.value} onChange={f.onChange} error={f.error} help={props.help} maxLength={props.maxLength} rows={props.rows} />
    </Field>
  );
}

/** A labelled select for the payload path `name`. */
export function SelectField(props: {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange?: (value: string) => void;
}) {
  const f = useLayerField(props.name);
  return (
    <Field id={f.id} label={props.label} error={f.error}>
      <NativeSelect
        id={f.id}
        value={f.value}
        onChange={(v) => {
          f.onChange(v);
          props.onChange?.(v);
        }}
        error={f.error}
        options={props.options}
      />
    </Field>
  );
}
