import Badge from '@atlaskit/badge';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useState } from 'react';
import { muted } from './components';

/** A raised card with a heading (and optional count badge and actions), for the panels around the board. */
export function Panel({
  testId,
  title,
  count,
  actions,
  children,
}: {
  testId: string;
  title: string;
  count?: number;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${testId}-heading`;
  return (
    <section
      data-testid={testId}
      aria-labelledby={headingId}
      style={{
        backgroundColor: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.raised'),
        borderRadius: token('radius.large', '8px'),
        padding: token('space.200'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.150'),
        minWidth: 0,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <Heading size="small" as="h2" id={headingId}>
          {title}
        </Heading>
        {count !== undefined ? <Badge appearance={count > 0 ? 'important' : 'default'}>{count}</Badge> : null}
        {actions ? <div style={{ marginInlineStart: 'auto' }}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** A titled sub-section of a panel. */
export function PanelSection({ testId, title, count, children }: { testId?: string; title: string; count?: number; children: ReactNode }) {
  return (
    <section data-testid={testId} style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.075') }}>
        <Heading size="xsmall" as="h3">
          {title}
        </Heading>
        {count !== undefined ? <Badge>{count}</Badge> : null}
      </div>
      {children}
    </section>
  );
}

/** How many entries a list shows before summarising the rest as "and N more". */
export const LIST_CAP = 10;

/** A bulleted list of at most `cap` entries, then "and N more"; `empty` when there are none. */
export function CappedList<T>({
  items,
  render,
  itemKey,
  empty,
  cap = LIST_CAP,
  testId,
}: {
  items: readonly T[];
  render: (item: T) => ReactNode;
  itemKey: (item: T, index: number) => string;
  empty: string;
  cap?: number;
  testId?: string;
}) {
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) {
    return (
      <div style={muted} data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
      </div>
    );
  }
  const shown = expanded ? items : items.slice(0, cap);
  const more = items.length - Math.min(items.length, cap);
  return (
    <ul data-testid={testId} style={{ margin: 0, paddingInlineStart: token('space.250'), display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      {shown.map((item, index) => (
        <li key={itemKey(item, index)} data-testid={testId ? `${testId}-item` : undefined} style={{ font: token('font.body.small'), overflowWrap: 'anywhere' }}>
          {render(item)}
        </li>
      ))}
      {more > 0 ? (
        <li style={{ ...muted, listStyle: 'none', display: 'flex', alignItems: 'center', gap: token('space.050') }}>
          {expanded ? null : <span data-testid={testId ? `${testId}-more` : undefined}>and {more} more</span>}
          <Button appearance="subtle" spacing="compact" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
            {expanded ? 'Show fewer' : `Show all ${items.length}`}
          </Button>
        </li>
      ) : null}
    </ul>
  );
}
