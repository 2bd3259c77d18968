/**
 * The board at 5,000 initiatives, on the real path (browser → bridge → resolvers → storage) in Chromium: every column
 * is virtualised (it renders the cards in its scroll window, not thousands), yet scrolling a column reaches its last
 * card, the filters narrow a virtualised column to exactly the domain's matches, a card dragged out of a virtualised
 * column opens the Move dialog and moves through the real resolver, and a link to a card far down a column scrolls it
 * into view and focuses it. One host and one browser for the file: PAY (no roadmap in the template demo) gets a
 * 5,000-initiative roadmap written straight into storage (dev/fixtures/large-roadmap.ts). Screenshots (light and
 * dark, a column scrolled) go to /tmp/team/screens/i11-board-5000-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { largeRoadmap, storeLargeRoadmap } from '../../dev/fixtures/large-roadmap';
import { DEMO_USERS } from '../../dev/jira';
import type { InitiativeView, Result, RoadmapView } from '../../src/domain/api';
import { filterInitiatives } from '../../src/domain/board-filter';
import type { Horizon } from '../../src/domain/model';
import { compareQuarters } from '../../src/domain/quarter';
import { expectNoSeriousViolations } from './a11y';
import { launchChromium, type RunningHost, startHost } from './harness';

const SCREENS = '/tmp/team/screens';
const PAY = { id: '10001', key: 'PAY' };
const SIZE = 5000;
const asAdmin = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: PAY } };

/** A column's cards in the board's order (target quarter, then title), as board.tsx sorts them. */
const inBoardOrder = (list: readonly InitiativeView[], horizon: Horizon) =>
  list.filter((i) => i.horizon === horizon).sort((a, b) => compareQuarters(a.targetQuarter, b.targetQuarter) || a.title.localeCompare(b.title));

describe('the board at 5,000 initiatives: virtualised columns that scroll, filter, drag and open by link', () => {
  let browser: Browser;
  let host: RunningHost;
  let context: BrowserContext;
  let page: Page;
  const app = (): FrameLocator => page.frameLocator('#app-frame');

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    browser = await launchChromium();
    host = await startHost();
    // Today's quarter first, as the app's clock sees it, so every horizon has a few hundred cards or more.
    await storeLargeRoadmap(host.forge.deps.store, largeRoadmap(PAY.id, SIZE, { now: new Date() }), new Date());
  }, 300_000);
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  async function storedView(): Promise<RoadmapView> {
    const view = (await host.forge.invoke('getRoadmapView', {}, asAdmin)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    return view.value;
  }
  async function openBoard(query = '', theme: 'light' | 'dark' = 'light') {
    await page.goto(`${host.url}/jira/PAY/roadmap/board?${query ? `${query}&` : ''}user=admin&theme=${theme}`);
    await app().getByTestId('initiative-card').first().waitFor({ timeout: 60_000 });
  }
  const column = (horizon: Horizon) => app().getByTestId(`horizon-${horizon}`);
  const scroller = (horizon: Horizon) => app().getByTestId(`horizon-${horizon}-cards`);
  const card = (id: string) => app().locator(`[data-testid="initiative-card"][data-initiative-id="${id}"]`);
  const renderedIds = (horizon: Horizon) =>
    column(horizon)
      .getByTestId('initiative-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-initiative-id') ?? ''));

  /** Scrolls a column's window to its end (again while measured cards change its height) and to the start. */
  async function scrollToEnd(horizon: Horizon) {
    for (let step = 0; step < 20; step++) {
      const atEnd = await scroller(horizon).evaluate((el) => {
        const end = el.scrollHeight - el.clientHeight;
        const was = el.scrollTop;
        el.scrollTop = end;
        return Math.abs(was - end) < 1;
      });
      if (atEnd) return;
      await page.waitForTimeout(100);
    }
    throw new Error(`column ${horizon} never reached its end`);
  }

  /** Drags with the real mouse (native HTML5 drag and drop, as board.test.ts does). */
  async function drag(from: Locator, to: Locator) {
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + 12);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 10, a.y + 30, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2, b.y + 80, { steps: 12 });
    await page.mouse.up();
  }

  it('renders a window of cards per column, and scrolling a column reaches its last card; no serious axe violation', async () => {
    const view = await storedView();
    expect(view.initiatives).toHaveLength(SIZE);
    await openBoard();
    for (const horizon of ['now', 'next', 'later'] as const) {
      const expected = inBoardOrder(view.initiatives, horizon);
      expect(expected.length).toBeGreaterThan(500);
      // The count is the column's, not the window's.
      expect(await app().getByTestId(`horizon-${horizon}-count`).textContent()).toBe(String(expected.length));
      // Virtualised: a few dozen cards at most, starting with the column's first.
      const first = await renderedIds(horizon);
      expect(first.length).toBeGreaterThan(2);
      expect(first.length).toBeLessThan(40);
      expect(first[0]).toBe(expected[0].id);
      // Screen readers hear where a card stands in the whole column.
      expect(await card(expected[0].id).getAttribute('aria-setsize')).toBe(String(expected.length));

      await scrollToEnd(horizon);
      const last = expected.at(-1)!;
      await card(last.id).waitFor();
      expect(await card(last.id).isVisible()).toBe(true);
      expect(await card(last.id).getAttribute('aria-posinset')).toBe(String(expected.length));
      expect((await renderedIds(horizon)).length).toBeLessThan(40);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENS, 'i11-board-5000-light.png') });
    await expectNoSeriousViolations(page);

    await openBoard('', 'dark');
    await scroller('later').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SCREENS, 'i11-board-5000-dark.png') });
    await expectNoSeriousViolations(page);
  }, 240_000);

  it('the filters narrow each virtualised column to exactly the domain’s matches, to its last card', async () => {
    const view = await storedView();
    await openBoard();
    await app().getByLabel('Phase').selectOption('P-2');
    await app().getByLabel('Search').fill('Initiative 4');
    const filter = { phase: 'P-2', text: 'Initiative 4' };
    const matches = filterInitiatives(view.initiatives, filter);
    // Enough to keep a column virtualised (phase P-2's quarters fall in Next and Later: Now has none).
    expect(inBoardOrder(matches, 'later').length).toBeGreaterThan(60);
    await app()
      .getByTestId('filter-count')
      .filter({ hasText: `${matches.length} of ${SIZE} initiatives` })
      .waitFor();
    for (const horizon of ['now', 'next', 'later'] as const) {
      const expected = inBoardOrder(matches, horizon);
      await app()
        .getByTestId(`horizon-${horizon}-count`)
        .filter({ hasText: new RegExp(`^${expected.length}$`) })
        .waitFor();
      const wanted = new Set(expected.map((i) => i.id));
      const shown = await renderedIds(horizon);
      expect(shown.every((id) => wanted.has(id))).toBe(true);
      if (expected.length === 0) {
        expect(await column(horizon).textContent()).toContain('No matches here.');
        continue;
      }
      expect(shown[0]).toBe(expected[0].id);
      if (expected.length > 50) await scrollToEnd(horizon);
      await card(expected.at(-1)!.id).waitFor();
      expect((await renderedIds(horizon)).every((id) => wanted.has(id))).toBe(true);
    }
    expect(await app().getByLabel('Phase').inputValue()).toBe('P-2');
  }, 180_000);

  it('a card dragged out of a virtualised column opens the Move dialog, and the move goes through the resolver', async () => {
    const before = await storedView();
    await openBoard();
    // A card well down the Later column: scroll there first.
    const later = inBoardOrder(before.initiatives, 'later');
    await scroller('later').evaluate((el) => (el.scrollTop = el.scrollHeight / 3));
    await page.waitForTimeout(300);
    const visible = await renderedIds('later');
    const id = visible[Math.floor(visible.length / 2)];
    expect(later.findIndex((i) => i.id === id)).toBeGreaterThan(100);
    const target = card(id);
    await target.scrollIntoViewIfNeeded();
    // The drag library loads after the board shows (editors only).
    await target.and(app().locator('[draggable="true"]')).waitFor();
    await drag(target, column('now'));
    const dialog = app().getByTestId('move-form');
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: 'Now' }).isChecked()).toBe(true);
    // It asks why before anything moves.
    await dialog.getByRole('button', { name: 'Move initiative' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Required' }).waitFor();
    expect((await storedView()).revision).toBe(before.revision);
    await dialog.getByLabel('Why is it moving?').fill('Pulled in at scale');
    await dialog.getByRole('button', { name: 'Move initiative' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    const after = await storedView();
    expect(after.revision).toBe(before.revision + 1);
    expect(after.initiatives.find((i) => i.id === id)?.horizon).toBe('now');
    // The moved card is brought into view in its new column and has the focus.
    await column('now').locator(`[data-initiative-id="${id}"]`).waitFor({ timeout: 30_000 });
    await page.waitForFunction((moved) => {
      const frame = document.querySelector<HTMLIFrameElement>('#app-frame');
      return frame?.contentDocument?.activeElement?.getAttribute('data-initiative-id') === moved;
    }, id);
    const nowCount = inBoardOrder(after.initiatives, 'now').length;
    expect(await app().getByTestId('horizon-now-count').textContent()).toBe(String(nowCount));
  }, 180_000);

  it('a link to a card far down a column (?initiative=) scrolls it into view and focuses it', async () => {
    const view = await storedView();
    const later = inBoardOrder(view.initiatives, 'later');
    const far = later[later.length - 7];
    await openBoard(`initiative=${far.id}`);
    await card(far.id).waitFor({ timeout: 30_000 });
    await page.waitForFunction((id) => {
      const frame = document.querySelector<HTMLIFrameElement>('#app-frame');
      return frame?.contentDocument?.activeElement?.getAttribute('data-initiative-id') === id;
    }, far.id);
    // In the column's window, not merely in the DOM.
    const inWindow = await scroller('later').evaluate((el, id) => {
      const target = el.querySelector(`[data-initiative-id="${id}"]`)!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return target.bottom > box.top && target.top < box.bottom;
    }, far.id);
    expect(inWindow).toBe(true);
  }, 120_000);
});
