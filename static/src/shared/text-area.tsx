import { token } from '@atlaskit/tokens';
import { useState } from 'react';

/**
 * A native <textarea> styled with ADS tokens (the app does not ship @atlaskit/textarea), for `Field`: border, focus
 * and invalid states follow the theme. `monospace` for tables, `readOnly` for text to copy.
 */
export function TextArea({
  id,
  value,
  onChange,
  error,
  help,
  rows = 4,
  placeholder,
  maxLength,
  monospace,
  readOnly,
  disabled,
}: {
  id: string;
  value: string;
  onChange?: (value: string) => void;
  error?: string;
  help?: string;
  rows?: number;
  placeholder?: string;
  maxLength?: number;
  monospace?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
}) {
  const [focused, setFocused] = useState(false);
  const borderColor = error ? token('color.border.danger') : focused ? token('color.border.focused') : token('color.border.input');
  return (
    <textarea
      id={id}
      name={id}
      value={value}
      rows={rows}
      placeholder={placeholder}
      maxLength={maxLength}
      readOnly={readOnly}
      disabled={disabled}
      spellCheck={!monospace}
      wrap={monospace ? 'off' : undefined}
      onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
      onFocus={(e) => {
        setFocused(true);
        if (readOnly) e.currentTarget.select();
      }}
      onBlur={() => setFocused(false)}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}
      style={{
        font: monospace ? token('font.code') : token('font.body'),
        color: token('color.text'),
        backgroundColor: readOnly ? token('color.background.neutral') : focused ? token('color.background.input.pressed') : token('color.background.input'),
        border: `${token('border.width', '1px')} solid ${borderColor}`,
        boxShadow: focused ? `inset 0 0 0 ${token('border.width', '1px')} ${borderColor}` : undefined,
        borderRadius: token('radius.small', '3px'),
        padding: `${token('space.075')} ${token('space.100')}`,
        outline: 'none',
        resize: 'vertical',
        // Tables read row by row: long rows scroll sideways instead of wrapping.
        whiteSpace: monospace ? 'pre' : undefined,
        overflowX: monospace ? 'auto' : undefined,
        width: '100%',
        boxSizing: 'border-box',
        minWidth: 0,
      }}
    />
  );
}
