import fs from 'node:fs';
import path from 'node:path';
import type { DemoUserName } from '../../dev/host/frame-context';
import { expectNoSeriousViolations } from './a11y';
import { projectPageUrl, roadmapAs, useBrowserSession, waitForView } from './harness';

const SCREENS = '/tmp/team/screens';
/** An editor (opens the editor) and a reader (opens the board card), as views.test.ts picks them. */
const ROLES = [
  { user: 'admin', canEdit: true },
  { user: 'outsider', canEdit: false },
] as const;

/**
 * The Timeline view on the rich demo, for an editor and a reader in both themes: every initiative in its target
 * quarter, today in the current quarter, overdue work marked exactly as the domain finds it, milestones, opening an
 * initiative, and no serious axe violation. The admin's views are saved as screenshots.
 */
describe('the timeline view', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  /** The view the browser shows that user, straight from the resolver, and its health as of now. */
  const viewAs = (user: DemoUserName) => roadmapAs(session.host, user);

  for (const role of ROLES) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${role.user}, ${theme}: initiatives in their quarters, today, overdue, milestones, opening one, axe`, async () => {
        await session.page.setViewportSize({ width: 1400, height: 1000 });
        await session.page.goto(projectPageUrl(session.host, { user: role.user, theme, view: 'timeline' }));
        await waitForView(app(), 'timeline');
        const timeline = app().getByTestId('timeline-view');
        await timeline.getByTestId('timeline-initiative').first().waitFor();
        const { view, health } = await viewAs(role.user);

        // Every initiative once, in its target quarter's column.
        const chips = await timeline.getByTestId('timeline-initiative').evaluateAll((els) =>
          els.map((el) => ({
            id: el.getAttribute('data-initiative-id')!,
            quarter: el.getAttribute('data-quarter')!,
            overdue: el.getAttribute('data-overdue'),
          })),
        );
        expect(chips.map((c) => [c.id, c.quarter]).sort()).toEqual(view.initiatives.map((i) => [i.id, i.targetQuarter]).sort());
        const header = (quarter: string) => timeline.locator(`[data-testid="timeline-quarter"][data-quarter="${quarter}"]`);
        for (const chip of chips) {
          // Drawn inside its quarter's column, not only labelled with it.
          const box = (await timeline.locator(`[data-testid="timeline-initiative"][data-initiative-id="${chip.id}"]`).boundingBox())!;
          const column = (await header(chip.quarter).boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(column.x - 1);
          expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width + 1);
        }

        // Overdue: exactly the domain's overdue initiatives, each with a visible word, not only a colour.
        const overdueIds = health.staleness.overdue.map((o) => o.initiativeId).sort();
        expect(overdueIds.length).toBeGreaterThan(0);
        expect(
          chips
            .filter((c) => c.overdue === 'true')
            .map((c) => c.id)
            .sort(),
        ).toEqual(overdueIds);
        for (const id of overdueIds) {
          expect(await timeline.locator(`[data-initiative-id="${id}"]`).getByTestId('timeline-overdue').innerText()).toContain('Overdue');
        }
        expect(await timeline.getByTestId('timeline-overdue').count()).toBe(overdueIds.length);

        // Today: in the current quarter's column, at the day's place in it.
        const today = timeline.getByTestId('timeline-today');
        expect(await today.getAttribute('data-quarter')).toBe(health.currentQuarter);
        const todayBox = (await today.boundingBox())!;
        const current = (await header(health.currentQuarter).boundingBox())!;
        expect(todayBox.x).toBeGreaterThanOrEqual(current.x);
        expect(todayBox.x).toBeLessThanOrEqual(current.x + current.width);

        // Milestones: each initiative's success metric, named for assistive technology.
        const milestones = await timeline
          .getByTestId('timeline-milestone')
          .evaluateAll((els) => els.map((el) => [el.closest('[data-initiative-id]')!.getAttribute('data-initiative-id'), el.getAttribute('aria-label')]));
        expect(milestones.length).toBe(view.initiatives.length);
        for (const [id, label] of milestones) {
          expect(label).toContain(view.initiatives.find((i) => i.id === id)!.successMetric.description);
        }

        await session.page.waitForTimeout(200);
        await expectNoSeriousViolations(session.page);
        if (role.user === 'admin') await session.page.screenshot({ path: path.join(SCREENS, `view-timeline-${theme}.png`), fullPage: true });

        // Opening an initiative: a real button named by its title; the editor for editors, the board card for readers.
        const target = view.initiatives.find((i) => i.id === overdueIds[0])!;
        await timeline.getByRole('button', { name: target.title, exact: true }).click();
        if (role.canEdit) {
          const editor = app().getByTestId('initiative-editor');
          await editor.waitFor();
          expect(await editor.getAttribute('data-initiative-id')).toBe(target.id);
        } else {
          await app().getByTestId('view-board').waitFor();
          await app().locator(`[data-testid="initiative-card"][data-initiative-id="${target.id}"]:focus`).waitFor();
          expect(session.page.url()).toContain(`/board?initiative=${target.id}`);
        }
      });
    }
  }

  it('a wide roadmap scrolls sideways inside the view, not the page', async () => {
    await session.page.setViewportSize({ width: 900, height: 900 });
    await session.page.goto(projectPageUrl(session.host, { user: 'admin', view: 'timeline' }));
    await waitForView(app(), 'timeline');
    const scroller = app().getByTestId('timeline-scroll');
    await scroller.getByTestId('timeline-initiative').first().waitFor();
    const [scrollWidth, clientWidth] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    // The page itself does not scroll sideways.
    expect(await session.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
