import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { Field, NativeSelect, TextInput } from '../../shared/fields';
import type { BoardFilters } from '../../shared/route/route-model';
import type { FilterOptions } from './filter-options';

type SelectKey = keyof FilterOptions;
const SELECTS: ReadonlyArray<{ key: SelectKey; label: string }> = [
  { key: 'phase', label: 'Phase' },
  { key: 'track', label: 'Track' },
  { key: 'owner', label: 'Owner' },
  { key: 'goal', label: 'Business goal' },
];

/**
 * The board's filters: free text and four selects, read from and written to the route, so the URL carries them and a
 * reload, a shared link or the back button shows the same board. A select's change is a step back can undo; typing
 * replaces the route as it goes (one step for the whole search, not one per letter).
 */
export function BoardFilterBar({
  filters,
  options,
  shown,
  total,
  onChange,
  onClear,
}: {
  filters: BoardFilters;
  options: FilterOptions;
  shown: number;
  total: number;
  onChange: (next: BoardFilters, options: { replace: boolean }) => void;
  onClear: () => void;
}) {
  // What is typed, kept here: the route trims its values, and trimming as someone types would eat their spaces.
  const [text, setText] = useState(filters.text ?? '');
  const routeText = filters.text ?? '';
  useEffect(() => setText((typed) => (typed.trim() === routeText ? typed : routeText)), [routeText]);
  const filtering = shown !== total || Object.values(filters).some(Boolean);
  return (
    <div
      role="search"
      aria-label="Filter the board"
      data-testid="board-filters"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: token('space.150') }}
    >
      <div style={{ flex: '1 1 220px', maxWidth: 320 }}>
        <Field id="board-filter-text" label="Search">
          <TextInput
            id="board-filter-text"
            value={text}
            placeholder="Title, goal or metric"
            maxLength={200}
            onChange={(value) => {
              setText(value);
              onChange({ ...filters, text: value.trim() || undefined }, { replace: true });
            }}
          />
        </Field>
      </div>
      {SELECTS.map(({ key, label }) => (
        <div key={key} style={{ flex: '1 1 150px', minWidth: 140, maxWidth: 280 }}>
          <Field id={`board-filter-${key}`} label={label}>
            <NativeSelect
              id={`board-filter-${key}`}
              value={filters[key] ?? ''}
              options={options[key]}
              onChange={(value) => onChange({ ...filters, [key]: value || undefined }, { replace: false })}
            />
          </Field>
        </div>
      ))}
      {/* Level with the controls, below their labels. */}
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), minHeight: '2.5rem', marginBlockStart: token('space.250') }}>
        <span role="status" data-testid="filter-count" style={{ font: token('font.body'), color: token('color.text.subtle') }}>
          {filtering ? `${shown} of ${total} initiatives` : `${total} ${total === 1 ? 'initiative' : 'initiatives'}`}
        </span>
        {filtering ? (
          <Button appearance="subtle" onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
