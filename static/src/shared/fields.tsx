import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ChangeEvent, ReactNode } from 'react';

/** A visible <label> bound to its control, with help text and an error line under it. */
export function Field({ id, label, error, help, children }: { id: string; label: string; error?: string; help?: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <label htmlFor={id} style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') }}>
        {label}
      </label>
      {children}
      <FieldMessages id={id} help={help} error={error} />
    </div>
  );
}

/** A field's help line, or its error in place of it (ids `${id}-help` / `${id}-error` for aria-describedby). */
export function FieldMessages({ id, help, error }: { id: string; help?: string; error?: string }) {
  return (
    <>
      {help && !error ? (
        <div id={`${id}-help`} style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
          {help}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} role="alert" data-testid={`${id}-error`} style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
          {error}
        </div>
      ) : null}
    </>
  );
}

const describedBy = (id: string, error?: string, help?: string) => (error ? `${id}-error` : help ? `${id}-help` : undefined);

/**
 * An ADS text field bound to its Field's help and error. Inputs without a visible label (a list's rows) take an
 * `ariaLabel`; `describedBy` replaces the ids it points at (e.g. to add a warning line); `after` goes after the input
 * ("%", "days").
 */
export function TextInput(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help?: string;
  placeholder?: string;
  list?: string;
  disabled?: boolean;
  maxLength?: number;
  ariaLabel?: string;
  /** Ids of what describes the input (its help, its error or warning), space-separated. */
  describedBy?: string;
  numeric?: 'numeric' | 'decimal';
  after?: ReactNode;
}) {
  const { id, value, onChange, error, help, placeholder, list, disabled, maxLength, ariaLabel, numeric, after } = props;
  return (
    <Textfield
      id={id}
      name={id}
      value={value}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.currentTarget.value)}
      isInvalid={Boolean(error)}
      isDisabled={disabled}
      inputMode={numeric}
      placeholder={placeholder}
      maxLength={maxLength}
      list={list}
      autoComplete="off"
      aria-label={ariaLabel}
      aria-invalid={error ? true : undefined}
      aria-describedby={props.describedBy ?? describedBy(id, error, help)}
      elemAfterInput={
        after ? (
          <span style={{ paddingInlineEnd: token('space.100'), color: token('color.text.subtlest'), font: token('font.body.small') }}>{after}</span>
        ) : undefined
      }
    />
  );
}

/** A native <select> styled with tokens: simple, accessible and easy to drive from browser tests. */
export function NativeSelect({
  id,
  value,
  onChange,
  options,
  error,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <select
      id={id}
      name={id}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, error)}
      style={{
        font: token('font.body'),
        color: token('color.text'),
        backgroundColor: token('color.background.input'),
        border: `${token('border.width', '1px')} solid ${error ? token('color.border.danger') : token('color.border.input')}`,
        borderRadius: token('radius.small', '3px'),
        padding: `${token('space.075')} ${token('space.100')}`,
        minHeight: '2.5rem',
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
