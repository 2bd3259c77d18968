import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useState } from 'react';

/**
 * The first `first` items of a long list, and a button for the next `step` that says how many are not shown. Lists
 * whose rows are not uniform enough to virtualise (phases, groups, timeline cells, findings) stay fast at thousands of
 * initiatives this way: what renders is what anyone reads, and the page says what it leaves out. A list no longer
 * than `first` renders whole, as before.
 */
export function useShowMore<T>(items: readonly T[], first: number, step = first * 4) {
  const [shown, setShown] = useState(first);
  const visible = items.length > shown ? items.slice(0, shown) : items;
  const hidden = items.length - visible.length;
  return { visible, hidden, more: () => setShown((n) => n + step), step };
}

/** The "Show more" line under a capped list: how many are not shown, and a button for the next batch. */
export function ShowMoreButton({
  hidden,
  step,
  noun,
  onMore,
  testId,
  as: Tag = 'div',
}: {
  hidden: number;
  step: number;
  noun: string;
  onMore: () => void;
  testId?: string;
  /** `li` inside a list (a list holds only items). */
  as?: 'div' | 'li';
}) {
  if (hidden <= 0) return null;
  const next = Math.min(step, hidden);
  return (
    <Tag data-testid={testId ?? 'show-more'} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100') }}>
      <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
        {hidden.toLocaleString('en-US')} more {noun} not shown
      </span>
      <Button appearance="subtle" spacing="compact" onClick={onMore}>
        {next === hidden ? `Show ${next === 1 ? 'it' : `all ${next.toLocaleString('en-US')}`}` : `Show ${next.toLocaleString('en-US')} more`}
      </Button>
    </Tag>
  );
}

/** A capped list in one piece: the first items rendered by `render`, then the "Show more" line. */
export function ShowMoreList<T>({
  items,
  first,
  step,
  noun,
  render,
  testId,
  as,
}: {
  as?: 'div' | 'li';
  items: readonly T[];
  first: number;
  step?: number;
  noun: string;
  render: (item: T, index: number) => ReactNode;
  testId?: string;
}) {
  const list = useShowMore(items, first, step);
  return (
    <>
      {list.visible.map(render)}
      <ShowMoreButton hidden={list.hidden} step={list.step} noun={noun} onMore={list.more} testId={testId} as={as} />
    </>
  );
}
