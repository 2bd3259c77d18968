import fs from 'node:fs';
import path from 'node:path';
import type { DemoUserName } from '../../dev/host/frame-context';
import { healthSeverity, SEVERITY_LABEL } from '../../src/domain/rules/severity';
import { executiveGroups } from '../../src/domain/views/executive';
import { formatDay } from '../../static/src/shared/time';
import { expectNoSeriousViolations } from './a11y';
import { projectPageUrl, roadmapAs, useBrowserSession, waitForView } from './harness';

const SCREENS = '/tmp/team/screens';
/** A4 is 210 × 297 mm; less 12 mm margins each side, at 96 px per inch. */
const MM = 96 / 25.4;
const PRINT_WIDTH_PX = Math.floor((210 - 24) * MM);
const PRINT_HEIGHT_PX = Math.floor((297 - 24) * MM);
const ROLES = [
  { user: 'admin', canEdit: true },
  { user: 'outsider', canEdit: false },
] as const;

/** Pages in a PDF Chromium wrote: one `/Type /Page` object each (`/Type /Pages` is the page tree). */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/**
 * The executive one-pager on the rich demo, for an editor and a reader in both themes: goals in order with exactly
 * the initiatives the domain groups under each, the untraced rest, the as-of date, the health in words, the timeline
 * strip, and one printed A4 page.
 */
describe('the executive view', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  const viewAs = (user: DemoUserName) => roadmapAs(session.host, user);

  for (const role of ROLES) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${role.user}, ${theme}: goal-first groups as the domain computes them, as-of date, health, strip, axe`, async () => {
        await session.page.setViewportSize({ width: 1400, height: 1000 });
        await session.page.goto(projectPageUrl(session.host, { user: role.user, theme, view: 'executive' }));
        await waitForView(app(), 'executive');
        const exec = app().getByTestId('executive-view');
        await exec.getByTestId('executive-goal').first().waitFor();
        const { view, health } = await viewAs(role.user);
        const groups = executiveGroups(view);

        // Each goal in the roadmap's order, with exactly its open initiatives, in the domain's order.
        const goalIds = await exec.getByTestId('executive-goal').evaluateAll((els) => els.map((el) => el.getAttribute('data-goal-id')));
        expect(goalIds).toEqual(groups.goals.map((g) => g.goal.id));
        for (const { goal, initiatives } of groups.goals) {
          const section = exec.locator(`[data-testid="executive-goal"][data-goal-id="${goal.id}"]`);
          expect(await section.getByRole('heading').first().innerText()).toBe(goal.title);
          const ids = await section.getByTestId('executive-initiative').evaluateAll((els) => els.map((el) => el.getAttribute('data-initiative-id')));
          expect(ids).toEqual(initiatives.map((i) => i.id));
        }
        // The rich demo has open work serving no goal: it is grouped last, by itself.
        expect(groups.untraced.length).toBeGreaterThan(0);
        const untraced = exec.getByTestId('executive-untraced');
        expect(await untraced.getByRole('heading').first().innerText()).toBe('Not traced to a business goal');
        expect(await untraced.getByTestId('executive-initiative').evaluateAll((els) => els.map((el) => el.getAttribute('data-initiative-id')))).toEqual(
          groups.untraced.map((i) => i.id),
        );

        // Each line: status, horizon, quarter and the metric's numbers.
        const first = groups.goals.find((g) => g.initiatives.length > 0)!.initiatives[0];
        const line = exec.locator(`[data-testid="executive-initiative"][data-initiative-id="${first.id}"]`).first();
        const lineText = await line.innerText();
        expect(lineText).toContain(first.title);
        expect(lineText).toContain(first.successMetric.description);
        expect(lineText).toContain(`${first.successMetric.current} → ${first.successMetric.target}`);

        // As of today, the health in words, the timeline strip; no link to itself on the project page; Print offered.
        expect(await exec.getByTestId('executive-as-of').innerText()).toBe(`As of ${formatDay(health.asOf)}`);
        expect(await exec.getByTestId('executive-severity').textContent()).toBe(SEVERITY_LABEL[healthSeverity(health.counts)]);
        expect(await exec.getByTestId('executive-health').innerText()).toContain(`${health.counts.open} open initiatives`);
        expect(await exec.getByTestId('executive-timeline-strip').getByTestId('executive-strip-dot').count()).toBe(view.initiatives.length);
        expect(await exec.getByTestId('executive-roadmap-link').count()).toBe(0);
        expect(await exec.getByRole('button', { name: 'Print' }).count()).toBe(1);

        await session.page.waitForTimeout(200);
        await expectNoSeriousViolations(session.page);
        if (role.user === 'admin') await session.page.screenshot({ path: path.join(SCREENS, `view-executive-${theme}.png`), fullPage: true });

        // Opening an initiative from the one-pager: the editor for editors, the board card for readers.
        await line.getByRole('button', { name: first.title, exact: true }).click();
        if (role.canEdit) {
          const editor = app().getByTestId('initiative-editor');
          await editor.waitFor();
          expect(await editor.getAttribute('data-initiative-id')).toBe(first.id);
        } else {
          await app().locator(`[data-testid="initiative-card"][data-initiative-id="${first.id}"]:focus`).waitFor();
        }
      });
    }
  }

  it('prints on one A4 page', async () => {
    await session.page.goto(projectPageUrl(session.host, { user: 'admin', view: 'executive' }));
    await waitForView(app(), 'executive');
    await app().getByTestId('executive-goal').first().waitFor();
    // The app's frame on its own, as a top-level page (the bridge works there too), and Chromium's PDF printer.
    const src = (await session.page.locator('#app-frame').getAttribute('src'))!;
    const printing = await session.newPage();
    try {
      await printing.goto(new URL(src, session.host.url).toString());
      const exec = printing.getByTestId('executive-view');
      await exec.getByTestId('executive-goal').first().waitFor();
      await printing.waitForTimeout(500);
      // The page's own print styles (project-page/index.html) leave the one-pager alone: no header, tabs or banners
      // (the digest banner included: a review due is not part of the one-pager).
      // What the printer sees, at A4's printable width (210 mm less margins, at 96 px per inch), to look at.
      await printing.emulateMedia({ media: 'print' });
      await printing.setViewportSize({ width: PRINT_WIDTH_PX, height: PRINT_HEIGHT_PX });
      await printing.screenshot({ path: path.join(SCREENS, 'view-executive-print.png'), fullPage: true });
      for (const chrome of ['page-header', 'view-only', 'digest-banner']) expect(await printing.getByTestId(chrome).isVisible()).toBe(false);
      expect(await printing.getByRole('tablist').isVisible()).toBe(false);
      const height = await printing.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThanOrEqual(PRINT_HEIGHT_PX);
      const pdf = await printing.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' }, printBackground: true });
      fs.writeFileSync(path.join(SCREENS, 'view-executive-print.pdf'), pdf);
      expect(pdfPageCount(pdf)).toBe(1);
    } finally {
      await printing.close();
    }
  });
});
