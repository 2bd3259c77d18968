import { token } from '@atlaskit/tokens';
import { type ReactNode, useState } from 'react';
import { FieldMessages } from '../../shared/fields';

/**
 * A titled group of the dialog's inputs: a section under an h2. `collapsible` makes its heading a disclosure button
 * (aria-expanded) that shows a one-line `summary` while closed; a closed group opens by itself when something inside
 * needs attention (`attention` changes to a non-empty key: an error or a warning), so nothing wrong stays hidden.
 */
export function FormSection({
  id,
  title,
  testId,
  collapsible = false,
  defaultOpen = true,
  summary,
  attention = '',
  children,
}: {
  id: string;
  title: string;
  testId?: string;
  collapsible?: boolean;
  defaultOpen?: boolean;
  summary?: string;
  attention?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen || !collapsible);
  // Adjusted while rendering (not in an effect), so an error's field is visible before the form focuses it.
  const [seen, setSeen] = useState(attention);
  if (attention !== seen) {
    setSeen(attention);
    if (attention !== '' && !open) setOpen(true);
  }
  const headingId = `${id}-heading`;
  const panelId = `${id}-panel`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      data-open={open}
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        minWidth: 0,
        // A hairline between the groups, so their headings read as a list to scan.
        ...(collapsible ? { borderBlockStart: `${token('border.width', '1px')} solid ${token('color.border')}`, paddingBlockStart: token('space.100') } : {}),
      }}
    >
      <h2 id={headingId} style={{ margin: 0, font: token('font.heading.xsmall'), color: token('color.text') }}>
        {collapsible ? (
          <DisclosureButton open={open} controls={panelId} onToggle={() => setOpen(!open)}>
            <Chevron open={open} />
            <span>{title}</span>
            {summary && !open ? (
              <span style={{ font: token('font.body.small'), color: token('color.text.subtle'), marginInlineStart: 'auto', textAlign: 'end' }}>{summary}</span>
            ) : null}
          </DisclosureButton>
        ) : (
          title
        )}
      </h2>
      <div id={panelId} hidden={!open} style={{ display: open ? 'flex' : 'none', flexDirection: 'column', gap: token('space.150'), minWidth: 0 }}>
        {children}
      </div>
    </section>
  );
}

/** The heading's full-width button: a subtle background on hover, the focus ring on keyboard focus (tokens only). */
function DisclosureButton({ open, controls, onToggle, children }: { open: boolean; controls: string; onToggle: () => void; children: ReactNode }) {
  const [hover, setHover] = useState(false);
  const [ring, setRing] = useState(false);
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocus={(e) => setRing(e.currentTarget.matches(':focus-visible'))}
      onBlur={() => setRing(false)}
      style={{
        boxSizing: 'border-box',
        display: 'flex',
        alignItems: 'center',
        gap: token('space.100'),
        inlineSize: `calc(100% + 2 * ${token('space.050')})`,
        margin: 0,
        marginInline: `calc(-1 * ${token('space.050')})`,
        padding: `${token('space.075')} ${token('space.050')}`,
        border: 0,
        borderRadius: token('radius.small', '3px'),
        outline: ring ? `${token('border.width.focused', '2px')} solid ${token('color.border.focused')}` : 'none',
        outlineOffset: token('space.025'),
        backgroundColor: hover ? token('color.background.neutral.subtle.hovered') : 'transparent',
        cursor: 'pointer',
        font: 'inherit',
        color: 'inherit',
        textAlign: 'start',
      }}
    >
      {children}
    </button>
  );
}

/** A small chevron: right while closed, down while open. Decorative (the button says aria-expanded). */
function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      style={{ flexShrink: 0, transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms', color: token('color.icon') }}
    >
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Inputs side by side while the dialog is wide enough, stacked when it is not. */
export function FieldRow({ children, min = 140 }: { children: ReactNode; min?: number }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${min}px), 1fr))`, gap: token('space.150'), alignItems: 'start' }}>
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
