import type { InitiativeView, RoadmapView } from './api';
import type { DebtItem } from './model';
import { jsonBytes } from './review/utf8';
import type { ViewMore, ViewPartRange } from './view-more';

export type { ViewMore, ViewPartRange } from './view-more';

/**
 * Paging a roadmap view by bytes (issue 11). Forge refuses an invoke response over 5 MB, and the largest valid roadmap
 * (5,000 initiatives and 1,000 debt items, every text full of 3-byte characters) is about 38 MB of view JSON. Leaving
 * fields out for later ("details on open") is not enough: the card fields alone (titles, ids, epics, dependencies)
 * pass 5 MB at that size. So the first getRoadmapView answer stays a whole, paintable RoadmapView holding the
 * initiatives and debt items that fit, plus `more`: the ranges of the rest, which getRoadmapViewPart answers one at
 * a time. The split is a pure function of the view, so it is the same for every caller of a revision.
 */

/** Most JSON bytes of one answer's value: under Forge's 5 MiB with room for the `{ ok, value }` wrapper. */
export const VIEW_PAGE_BYTES = 4_500_000;
/** Room kept in the first answer for its own `more` (a few dozen bytes a part; a worst-case view has about ten). */
const MORE_RESERVE = 16 * 1024;

/** getRoadmapViewPart's answer: one range of the view at `revision` (the range asked, echoed, so it merges in its place). */
export interface ViewPart {
  revision: number;
  range: ViewPartRange;
  initiatives: InitiativeView[];
  debtItems: DebtItem[];
}

/** One item of the view in paging order: initiatives first, then debt items. */
interface Sized {
  bytes: number;
}

/**
 * The view as one answer when it fits `budget`, else its first page (a valid RoadmapView with `more`) and the ranges
 * of the rest. Every page, first or later, is at most `budget` bytes of JSON (an item larger than a page on its own —
 * impossible within the model's limits — still gets a page to itself, which then answers LIMIT).
 */
export function pageView(view: RoadmapView, budget = VIEW_PAGE_BYTES): RoadmapView {
  const { more: _ignored, ...whole } = view;
  const initiatives: Sized[] = whole.initiatives.map((i) => ({ bytes: jsonBytes(i) + 1 }));
  const debt: Sized[] = whole.debtItems.map((d) => ({ bytes: jsonBytes(d) + 1 }));
  const shell = jsonBytes({ ...whole, initiatives: [], debtItems: [] });
  const total = shell + sum(initiatives) + sum(debt);
  if (total <= budget) return view.more ? whole : view;

  const widest: ViewPartRange = { initiatives: [1e6, 1e6], debtItems: [1e6, 1e6] };
  const partShell = jsonBytes({ revision: whole.revision, range: widest, initiatives: [], debtItems: [] } satisfies ViewPart);
  const ranges: ViewPartRange[] = [];
  // Walk initiatives then debt items, closing a page when the next item would not fit.
  let room = budget - shell - MORE_RESERVE;
  let start: [number, number] = [0, 0];
  const at: [number, number] = [0, 0];
  const close = () => {
    ranges.push({ initiatives: [start[0], at[0]], debtItems: [start[1], at[1]] });
    start = [...at];
    room = budget - partShell;
  };
  const walk = (items: Sized[], slot: 0 | 1) => {
    for (const item of items) {
      const empty = at[0] === start[0] && at[1] === start[1];
      if (item.bytes > room && !empty) close();
      room -= item.bytes;
      at[slot] += 1;
    }
  };
  walk(initiatives, 0);
  walk(debt, 1);
  if (at[0] !== start[0] || at[1] !== start[1]) close();
  const [first, ...parts] = ranges;
  if (parts.length === 0) return whole;
  return {
    ...whole,
    initiatives: whole.initiatives.slice(...first.initiatives),
    debtItems: whole.debtItems.slice(...first.debtItems),
    more: { revision: whole.revision, total: { initiatives: whole.initiatives.length, debtItems: whole.debtItems.length }, parts },
  };
}

const sum = (items: Sized[]) => items.reduce((n, item) => n + item.bytes, 0);

/** The part of `view` in `range` (the server's answer to getRoadmapViewPart, before its size check). */
export function viewPart(view: RoadmapView, range: ViewPartRange): ViewPart {
  return {
    revision: view.revision,
    range: { initiatives: [...range.initiatives], debtItems: [...range.debtItems] },
    initiatives: view.initiatives.slice(...range.initiatives),
    debtItems: view.debtItems.slice(...range.debtItems),
  };
}

/**
 * `view` with the next part appended: null when the part is not the one `view` waits for (another revision, or not
 * the next range), and the client starts over. After the last part, `more` is gone and the view is the whole one.
 */
export function withViewPart(view: RoadmapView, part: ViewPart): RoadmapView | null {
  const more = view.more;
  const next = more?.parts[0];
  if (!more || !next || more.revision !== view.revision || part.revision !== more.revision) return null;
  const same = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];
  if (!same(part.range.initiatives, next.initiatives) || !same(part.range.debtItems, next.debtItems)) return null;
  if (view.initiatives.length !== next.initiatives[0] || view.debtItems.length !== next.debtItems[0]) return null;
  if (part.initiatives.length !== next.initiatives[1] - next.initiatives[0] || part.debtItems.length !== next.debtItems[1] - next.debtItems[0]) return null;
  const { more: _done, ...rest } = view;
  const merged: RoadmapView = { ...rest, initiatives: [...view.initiatives, ...part.initiatives], debtItems: [...view.debtItems, ...part.debtItems] };
  const left = more.parts.slice(1);
  return left.length === 0 ? merged : { ...merged, more: { ...more, parts: left } };
}

/** How much of a paged view has arrived (for the "Loading initiatives: 1,200 of 5,000" notice). */
export function viewProgress(view: RoadmapView): { initiatives: number; debtItems: number; total: ViewMore['total'] } | null {
  if (!view.more) return null;
  return { initiatives: view.initiatives.length, debtItems: view.debtItems.length, total: view.more.total };
}
