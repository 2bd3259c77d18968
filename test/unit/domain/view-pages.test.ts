import fc from 'fast-check';
import { largeRoadmap } from '../../../dev/fixtures/large-roadmap';
import type { RoadmapView } from '../../../src/domain/api';
import { jsonBytes } from '../../../src/domain/review/utf8';
import { pageView, VIEW_PAGE_BYTES, type ViewPart, viewPart, viewProgress, withViewPart } from '../../../src/domain/view-pages';
import { toRoadmapView } from '../../../src/resolvers/view';

const NOW = new Date('2026-11-23T12:00:00Z');
const ACCESS = { project: { id: '10000', key: 'TR', name: 'Tech Roadmap' }, canEdit: true, canAdminister: false };

/** A worst-case view whose initiatives' and debt items' texts are cut to the given lengths (sizes vary per item). */
function viewOf(titleLengths: number[], debtLengths: number[]): RoadmapView {
  const roadmap = largeRoadmap('10000', Math.max(1, titleLengths.length), { worstCase: true, now: NOW, debtItems: debtLengths.length });
  const initiatives = titleLengths.map((n, i) => ({ ...roadmap.initiatives[i], title: 'x'.repeat(1 + n), goal: '漢'.repeat(n * 3) }));
  const debtItems = debtLengths.map((n, d) => ({ ...roadmap.debtItems[d], promotedTo: null, description: '漢'.repeat(n * 5) }));
  return toRoadmapView({ ...roadmap, initiatives, debtItems }, ACCESS, NOW);
}

/** What the client does: the first page, then each part the server would answer, in order. */
function assemble(whole: RoadmapView, budget: number): { view: RoadmapView; answers: unknown[] } {
  let view = pageView(whole, budget);
  const answers: unknown[] = [view];
  for (const range of view.more?.parts ?? []) {
    const part: ViewPart = viewPart(whole, range);
    answers.push(part);
    const next = withViewPart(view, part);
    if (!next) throw new Error('a part did not fit where it belongs');
    view = next;
  }
  return { view, answers };
}

const lengths = (max: number) => fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: max });

describe('view pages (a view too large for one answer, split by UTF-8 bytes)', () => {
  it('rebuilds the whole view exactly from its pages, each page within the budget, the same split every time', () => {
    fc.assert(
      fc.property(lengths(60), lengths(20), fc.integer({ min: 12_000, max: 120_000 }), (titles, debts, extra) => {
        const whole = viewOf(titles, debts);
        // The first page keeps the view's other fields and a reserve for `more`: budgets start above them.
        const budget = jsonBytes({ ...whole, initiatives: [], debtItems: [] }) + 16 * 1024 + extra;
        const { view, answers } = assemble(whole, budget);
        expect(view).toEqual(whole);
        expect(JSON.stringify(view)).toBe(JSON.stringify(whole));
        for (const answer of answers) expect(jsonBytes(answer)).toBeLessThanOrEqual(budget);
        expect(pageView(whole, budget)).toEqual(pageView(whole, budget));
        // One answer whenever the whole view fits; otherwise every later part holds something.
        expect(answers.length === 1).toBe(jsonBytes(whole) <= budget);
        for (const answer of answers.slice(1)) {
          const part = answer as ViewPart;
          expect(part.initiatives.length + part.debtItems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a typical 5,000-initiative view whole (no `more`), and pages the worst case within 4.5 MB', () => {
    const typical = toRoadmapView(largeRoadmap('10000', 5000, { now: NOW }), ACCESS, NOW);
    expect(pageView(typical)).toBe(typical);
    const worst = toRoadmapView(largeRoadmap('10000', 5000, { worstCase: true, now: NOW }), ACCESS, NOW);
    expect(worst.debtItems).toHaveLength(1000);
    const { view, answers } = assemble(worst, VIEW_PAGE_BYTES);
    expect(answers.length).toBeGreaterThan(8);
    for (const answer of answers) expect(jsonBytes(answer)).toBeLessThanOrEqual(VIEW_PAGE_BYTES);
    expect(view).toEqual(worst);
  });

  it('says how far a paged view has loaded, and refuses a part that is not the next one', () => {
    const whole = viewOf(Array(40).fill(300), Array(10).fill(300));
    const first = pageView(whole, 60_000);
    const progress = viewProgress(first);
    expect(progress).toEqual({ initiatives: first.initiatives.length, debtItems: 0, total: { initiatives: 40, debtItems: 10 } });
    const [, second] = first.more!.parts;
    expect(withViewPart(first, viewPart(whole, second))).toBeNull();
    expect(withViewPart(first, { ...viewPart(whole, first.more!.parts[0]), revision: whole.revision + 1 })).toBeNull();
    // A write moved the view's revision (a delta landed on the partial view): its parts no longer belong to it.
    expect(withViewPart({ ...first, revision: whole.revision + 1 }, viewPart(whole, first.more!.parts[0]))).toBeNull();
    expect(viewProgress(whole)).toBeNull();
  });
});
