/**
 * The Priorities view on the rich demo, as an editor and as a reader, light and dark: the cost-vs-impact matrix draws
 * each open initiative in the quadrant the domain computes (read from where the point is drawn against the drawn
 * median lines), the RICE table sorts by every numeric column, clicking a point opens the editor (editors) or the
 * board card (readers), presentation mode opens and closes, and axe-core finds no serious violation.
 * Screenshots: view-priorities-{light,dark}.png, presentation-mode-light.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoUserName } from '../../dev/host/frame-context';
import { expectNoSeriousViolations } from './a11y';
import { openView, projectPageUrl, roadmapAs, useBrowserSession } from './harness';

const SCREENS = '/tmp/team/screens';
const ROLES = [
  { user: 'admin', canEdit: true },
  { user: 'outsider', canEdit: false },
] as const;

describe('the Priorities view: RICE table, cost-vs-impact matrix, presentation mode', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  /** The roadmap as `user` sees it, and its health as the page computes it. */
  const domain = (user: DemoUserName) => roadmapAs(session.host, user);

  async function openPriorities(user: string, theme: 'light' | 'dark') {
    await session.page.setViewportSize({ width: 1400, height: 1000 });
    await session.page.goto(projectPageUrl(session.host, { user, theme }));
    await app().getByTestId('initiative-card').first().waitFor();
    await openView(app(), 'priorities');
    await app().getByTestId('cost-impact-matrix').waitFor();
  }

  const point = (id: string) => app().locator(`[data-testid="matrix-point"][data-initiative-id="${id}"]`);

  for (const role of ROLES) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${role.user}, ${theme}: each point sits in the domain's quadrant, drawn on the right side of the lines; no serious axe violation`, async () => {
        const { health } = await domain(role.user);
        await openPriorities(role.user, theme);

        const placements = health.costImpact.placements;
        const scored = placements.filter((p) => p.quadrant !== 'unscored');
        expect(scored.length).toBeGreaterThan(4);
        const drawn = await app()
          .getByTestId('matrix-point')
          .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-initiative-id'), n.getAttribute('data-quadrant')]));
        expect(Object.fromEntries(drawn)).toEqual(Object.fromEntries(scored.map((p) => [p.initiativeId, p.quadrant])));
        // Every domain quadrant the demo uses is on the matrix.
        expect(new Set(scored.map((p) => p.quadrant)).size).toBeGreaterThanOrEqual(3);

        // On screen too: each point's centre is on its quadrant's side of the drawn dashed lines.
        const costLine = (await app().getByTestId('matrix-cost-line').boundingBox())!;
        const impactLine = (await app().getByTestId('matrix-impact-line').boundingBox())!;
        const lineX = costLine.x + costLine.width / 2;
        const lineY = impactLine.y + impactLine.height / 2;
        for (const p of scored) {
          const box = (await point(p.initiativeId).locator('circle').last().boundingBox())!;
          const cx = box.x + box.width / 2;
          const cy = box.y + box.height / 2;
          const highCost = cx > lineX + 0.5;
          const highImpact = cy < lineY - 0.5;
          const seen = highImpact ? (highCost ? 'big-bet' : 'quick-win') : highCost ? 'money-pit' : 'fill-in';
          expect(`${p.initiativeId} ${seen}`).toBe(`${p.initiativeId} ${p.quadrant}`);
        }
        expect(
          await app()
            .getByTestId('matrix-quadrant-label')
            .evaluateAll((nodes) => nodes.map((n) => n.textContent).sort()),
        ).toEqual(['Big bets', 'Fill-ins', 'Money pits', 'Quick wins']);

        // The table lists the open initiatives in the domain's RICE order.
        const rows = await app()
          .getByTestId('rice-row')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-initiative-id')));
        expect(rows).toEqual(health.ranking.map((r) => r.initiativeId));
        expect(
          await app()
            .getByRole('columnheader', { name: /RICE score/ })
            .getAttribute('aria-sort'),
        ).toBe('descending');

        // Readers see the same view; only editors get the editor (checked below).
        expect(await app().getByRole('button', { name: 'Present' }).count()).toBe(1);

        await session.page.waitForTimeout(200);
        await expectNoSeriousViolations(session.page);
        if (role.user === 'admin') await session.page.screenshot({ path: path.join(SCREENS, `view-priorities-${theme}.png`), fullPage: true });
      });
    }
  }

  it('sorting by each numeric column orders the rows by it (blanks last), and a second click reverses', async () => {
    const { view, health } = await domain('member');
    await openPriorities('member', 'light');
    const byId = new Map(view.initiatives.map((i) => [i.id, i]));
    const score = new Map(health.ranking.map((r) => [r.initiativeId, r.riceScore]));
    const value: Record<string, (id: string) => number | null> = {
      Reach: (id) => byId.get(id)?.rice?.reach ?? null,
      Impact: (id) => byId.get(id)?.rice?.impact ?? null,
      Confidence: (id) => byId.get(id)?.rice?.confidence ?? null,
      Effort: (id) => byId.get(id)?.rice?.effort ?? byId.get(id)?.effort ?? null,
      'RICE score': (id) => score.get(id) ?? null,
      'Risk reduction': (id) => byId.get(id)?.riskReduction ?? null,
    };
    const shown = () =>
      app()
        .getByTestId('rice-row')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-initiative-id') ?? ''));
    const expectOrdered = (ids: string[], of: (id: string) => number | null, direction: 1 | -1) => {
      const values = ids.map(of);
      const firstBlank = values.indexOf(null);
      const numbers = (firstBlank === -1 ? values : values.slice(0, firstBlank)) as number[];
      if (firstBlank !== -1) expect(values.slice(firstBlank).every((v) => v === null)).toBe(true);
      for (let i = 1; i < numbers.length; i++) expect(direction * (numbers[i] - numbers[i - 1])).toBeGreaterThanOrEqual(0);
      expect(new Set(numbers).size).toBeGreaterThan(1);
    };
    for (const [column, of] of Object.entries(value)) {
      const header = app().getByRole('columnheader', { name: new RegExp(`^${column}`) });
      // Numbers sort highest first on a first click (RICE score too: the column sorted before it is another one).
      const firstDirection = 'descending';
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe(firstDirection);
      expectOrdered(await shown(), of, -1);
      // The keyboard works the same: Enter on the focused header button turns the order round.
      await header.getByRole('button').press('Enter');
      const second = 'ascending';
      expect(await header.getAttribute('aria-sort')).toBe(second);
      expectOrdered(await shown(), of, 1);
      expect(await app().locator('th[aria-sort]').count()).toBe(1);
    }
  });

  it('an editor clicking a point gets the editor; Enter on a focused point does the same', async () => {
    const { health } = await domain('admin');
    await openPriorities('admin', 'light');
    const [first, second] = health.costImpact.placements.filter((p) => p.quadrant !== 'unscored');
    await point(first.initiativeId).click();
    const editor = app().locator(`[data-testid="initiative-editor"][data-initiative-id="${first.initiativeId}"]`);
    await editor.waitFor();
    await app().getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });

    await point(second.initiativeId).focus();
    await point(second.initiativeId).press('Enter');
    await app().locator(`[data-testid="initiative-editor"][data-initiative-id="${second.initiativeId}"]`).waitFor();
  });

  it('a reader clicking a point sees its card on the board, focused', async () => {
    const { health } = await domain('outsider');
    await openPriorities('outsider', 'light');
    const target = health.costImpact.placements.find((p) => p.quadrant !== 'unscored')!;
    await point(target.initiativeId).click();
    const focused = app().locator('[data-testid="initiative-card"]:focus');
    await focused.waitFor();
    expect(await focused.getAttribute('data-initiative-id')).toBe(target.initiativeId);
    expect(await app().getByTestId('initiative-editor').count()).toBe(0);
  });

  for (const way of ['full screen', 'a dialog'] as const) {
    it(`presentation mode in ${way} shows the matrix large, with every point; Escape or Close leaves it`, async () => {
      // Jira's frames usually may not go full screen: then the view presents in the largest dialog.
      if (way === 'a dialog') await session.page.addInitScript(() => Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false }));
      const { health } = await domain('admin');
      await openPriorities('admin', 'light');
      const scored = health.costImpact.placements.filter((p) => p.quadrant !== 'unscored');
      const present = app().getByRole('button', { name: 'Present' });

      await present.click();
      const presentation = app().getByTestId('presentation-mode');
      await presentation.waitFor();
      expect(await presentation.evaluate((el) => el.getAttribute('role') === 'dialog' || el.closest('[role="dialog"]') !== null)).toBe(way === 'a dialog');
      const large = presentation.getByTestId('cost-impact-matrix');
      expect(await large.getByTestId('matrix-point').count()).toBe(scored.length);
      // Bigger type than on the page: the quadrant names are larger.
      const fontSize = (loc: typeof large) =>
        loc
          .getByTestId('matrix-quadrant-label')
          .first()
          .evaluate((el) => Number(el.getAttribute('font-size')));
      expect(await fontSize(large)).toBeGreaterThan(14);
      await session.page.waitForTimeout(400);
      await expectNoSeriousViolations(session.page);
      if (way === 'full screen') await session.page.screenshot({ path: path.join(SCREENS, 'presentation-mode-light.png') });
      else await session.page.screenshot({ path: path.join(SCREENS, 'presentation-dialog-light.png') });
      await session.page.keyboard.press('Escape');
      await presentation.waitFor({ state: 'detached' });

      await present.click();
      await presentation.waitFor();
      await presentation.getByRole('button', { name: 'Close' }).last().click();
      await presentation.waitFor({ state: 'detached' });
      // Focus is back on the Present button.
      await app().locator('[data-testid="present-button"]:focus').waitFor();
    });
  }
});
