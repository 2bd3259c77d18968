import { token } from '@atlaskit/tokens';
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { registerRevealer } from './card-reveal';

/** A virtualised column's scroll window: tall enough for several cards, short enough for the board to fit a screen. */
export const VIRTUAL_WINDOW_PX = 720;
/** A typical card's height with its gap, for cards not yet measured (each card is measured once it renders). */
const ESTIMATED_CARD_PX = 200;
/** Cards rendered beyond each end of the window, so a short scroll shows cards at once. */
const OVERSCAN = 3;
/** Room beside the cards for their shadow and focus outline, which the scroll window would otherwise clip. */
const SHADOW_ROOM = 4;

/**
 * A long column of cards that renders only the cards in its scroll window (Jira's boards scroll per column too), so a
 * board of thousands of initiatives renders a few dozen. Each card is measured as it renders (cards differ in
 * height). Kept rendered whatever the scroll: the last card focused (a card that scrolls away keeps its focus, and a
 * dialog can return focus to it) and the card being dragged. The column's revealer (card-reveal.ts) scrolls a card
 * into the window when a link or a finding asks for it. Native drag and drop scrolls the window near its edges.
 */
export function VirtualCards<T extends { id: string }>({
  items,
  labelledBy,
  testId,
  group,
  gap,
  renderItem,
}: {
  items: readonly T[];
  /** The column's heading, which names the scroll window for screen readers. */
  labelledBy: string;
  testId: string;
  /** The column's name for card-reveal.ts (its horizon). */
  group: string;
  gap: number;
  renderItem: (item: T, index: number) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [keptId, setKeptId] = useState<string | null>(null);
  const keptIndex = keptId === null ? -1 : items.findIndex((item) => item.id === keptId);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      if (keptIndex < 0 || shown.includes(keptIndex)) return shown;
      return [...shown, keptIndex].sort((a, b) => a - b);
    },
    [keptIndex],
  );
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => items[index].id,
    overscan: OVERSCAN,
    gap,
    // The first render already shows the window's cards (before the window is measured).
    initialRect: { width: 240, height: VIRTUAL_WINDOW_PX },
    rangeExtractor,
  });
  useEffect(
    () =>
      registerRevealer(group, (id) => {
        const index = items.findIndex((item) => item.id === id);
        if (index < 0) return false;
        virtualizer.scrollToIndex(index, { align: 'center' });
        return true;
      }),
    [group, items, virtualizer],
  );
  // The card an event came from (focus moving into it, a drag starting on it).
  const keep = (target: EventTarget) => {
    const id = (target as HTMLElement).closest?.('[data-virtual-key]')?.getAttribute('data-virtual-key');
    if (id) setKeptId(id);
  };
  return (
    <div
      ref={scrollRef}
      data-testid={testId}
      role="group"
      aria-labelledby={labelledBy}
      // Focusable, so the keyboard can scroll a column whose cards have no buttons (readers).
      tabIndex={0}
      onFocus={(event) => keep(event.target)}
      onDragStart={(event) => keep(event.target)}
      style={{
        maxHeight: VIRTUAL_WINDOW_PX,
        overflowY: 'auto',
        overscrollBehavior: 'contain',
        marginInline: -SHADOW_ROOM,
        paddingInline: SHADOW_ROOM,
        borderRadius: token('radius.medium', '6px'),
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              data-virtual-key={item.id}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              {renderItem(item, row.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
