import type { ChangeEvent, ReactNode } from 'react';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';

/**
 * A Textfield for the settings form. Unlike the shared TextInput it takes an `aria-label` (the goal rows have no
 * visible label per input), an input mode for numbers and something after the input ("%", "days").
 */
export function SettingsInput({
  id,
  value,
  onChange,
  error,
  describedBy,
  ariaLabel,
  numeric,
  after,
  maxLength,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Ids of what describes the input (its help, its error or warning), space-separated. */
  describedBy?: string;
  ariaLabel?: string;
  numeric?: 'numeric' | 'decimal';
  after?: ReactNode;
  maxLength?: number;
  placeholder?: string;
}) {
  return (
    <Textfield
      id={id}
      name={id}
      value={value}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.currentTarget.value)}
      isInvalid={Boolean(error)}
      inputMode={numeric}
      maxLength={maxLength}
      placeholder={placeholder}
      autoComplete="off"
      aria-label={ariaLabel}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      elemAfterInput={
        after ? (
          <span style={{ paddingInlineEnd: token('space.100'), color: token('color.text.subtlest'), font: token('font.body.small') }}>{after}</span>
        ) : undefined
      }
    />
  );
}

/** A line under an input or list in the warning colour: guidance, not an error (the save still goes through). */
export function WarningLine({ id, testId, children }: { id?: string; testId?: string; children: ReactNode }) {
  return (
    <div id={id} data-testid={testId} role="status" style={{ font: token('font.body.small'), color: token('color.text.warning') }}>
      {children}
    </div>
  );
}

/** A line in the danger colour, for errors that belong to a row or list rather than one labelled field. */
export function ErrorLine({ id, testId, children }: { id?: string; testId?: string; children: ReactNode }) {
  return (
    <div id={id} data-testid={testId} role="alert" style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
      {children}
    </div>
  );
}
