import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import { FieldMessages } from '../../shared/fields';

/**
 * A titled group of the editor's inputs (a fieldset, so screen readers announce the group). `testId` lets tests
 * scope to one group.
 */
export function EditorGroup({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <fieldset data-testid={testId} style={{ border: 0, margin: 0, padding: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <legend style={{ padding: 0, marginBlockEnd: token('space.050') }}>
        <Heading size="xxsmall" as="h5">
          {title}
        </Heading>
      </legend>
      {children}
    </fieldset>
  );
}

/** Inputs side by side while the card is wide enough, stacked when it is not. */
export function FieldRow({ children, min = 140 }: { children: ReactNode; min?: number }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${min}px), 1fr))`, gap: token('space.100'), alignItems: 'start' }}>
      {children}
    </div>
  );
}

export interface CheckOption {
  value: string;
  label: string;
  /** A second, quieter line (e.g. a goal's metric, an initiative's phase and quarter). */
  detail?: string;
}

/**
 * A list of native checkboxes styled with tokens (the app does not ship @atlaskit/checkbox). The list is a
 * labelled group; each box has its own label. Long lists scroll inside a bordered box.
 */
export function CheckboxList({
  id,
  label,
  options,
  selected,
  onChange,
  error,
  help,
  maxHeight = '12rem',
}: {
  id: string;
  label: string;
  options: readonly CheckOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string;
  help?: string;
  maxHeight?: string;
}) {
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}
      data-testid={id}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}
    >
      <span id={`${id}-label`} style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle') }}>
        {label}
      </span>
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          gap: token('space.050'),
          maxHeight,
          overflowY: 'auto',
          padding: token('space.075'),
          border: `${token('border.width', '1px')} solid ${error ? token('color.border.danger') : token('color.border')}`,
          borderRadius: token('radius.small', '3px'),
          backgroundColor: token('elevation.surface'),
        }}
      >
        {options.map((o) => {
          const boxId = `${id}-${o.value}`;
          return (
            <label key={o.value} htmlFor={boxId} style={{ display: 'flex', gap: token('space.075'), alignItems: 'flex-start', cursor: 'pointer' }}>
              <input
                id={boxId}
                type="checkbox"
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.currentTarget.checked)}
                style={{ margin: 0, marginBlockStart: '0.2rem', accentColor: token('color.background.selected.bold'), flexShrink: 0 }}
              />
              <span style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
                <span style={{ font: token('font.body'), color: token('color.text'), overflowWrap: 'anywhere' }}>{o.label}</span>
                {o.detail ? (
                  <span style={{ font: token('font.body.small'), color: token('color.text.subtlest'), overflowWrap: 'anywhere' }}>{o.detail}</span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
      <FieldMessages id={id} help={help} error={error} />
    </div>
  );
}
