import fs from 'node:fs';
import path from 'node:path';
import type { PageViewId } from '../../static/src/shared/route/route-model';
import { seriousViolations } from './a11y';
import { openView, projectPageUrl, useBrowserSession } from './harness';

const SCREENS = '/tmp/team/screens';
const VIEWS: PageViewId[] = [
  'board',
  'timeline',
  'priorities',
  'dependencies',
  'capacity',
  'executive',
  'phases',
  'health',
  'debt',
  'changelog',
  'review',
  'import-export',
  'settings',
];
/** What each role may do on the page, as Jira's permissions grant it in the demo: admin administers TR, member edits it, outsider only browses. */
const ROLES = [
  { user: 'admin', canEdit: true, canAdminister: true },
  { user: 'member', canEdit: true, canAdminister: false },
  { user: 'outsider', canEdit: false, canAdminister: false },
] as const;

/**
 * Every view of the project page, for each role and in both themes, on the rich demo: the header offers exactly the
 * actions the role has, readers are told why they cannot change anything, each view renders, and axe-core finds no
 * serious or critical violation. The admin's views are saved as screenshots (README).
 */
describe('the project page views, by role and theme', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  for (const role of ROLES) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${role.user}, ${theme}: header actions, every view, no serious axe violation`, async () => {
        await session.page.setViewportSize({ width: 1400, height: 1000 });
        await session.page.goto(projectPageUrl(session.host, { user: role.user, theme }));
        await app().getByTestId('initiative-card').first().waitFor();

        const header = app().getByTestId('page-header');
        expect(await header.getByRole('heading', { level: 1 }).textContent()).toBe('Tech Roadmap Demo technical roadmap');
        expect(await header.getByRole('button', { name: 'Add initiative' }).count()).toBe(role.canEdit ? 1 : 0);
        expect(await header.getByRole('button', { name: role.canEdit ? 'Import and export' : 'Export' }).count()).toBe(1);
        expect(await header.getByRole('button', { name: 'Settings' }).count()).toBe(1);
        expect(await app().getByTestId('view-only').count()).toBe(role.canEdit ? 0 : 1);
        // The first screen summarises before the board: review, this quarter's capacity, health.
        for (const tile of ['summary-review', 'summary-capacity', 'summary-health']) await app().getByTestId(tile).waitFor();

        const violations: string[] = [];
        for (const view of VIEWS) {
          if (view !== 'board') await openView(app(), view);
          // Each view has content of its own, not a blank panel.
          const panel = app().getByTestId(`view-${view}`);
          await panel
            .locator(
              'h2, h3, table, [data-testid="initiative-card"], [data-testid="timeline-initiative"], [data-testid="dependency-node"], [data-testid="matrix-point"]',
            )
            .first()
            .waitFor();
          await session.page.waitForTimeout(200);
          violations.push(...(await seriousViolations(session.page)).map((v) => `${view}: ${v}`));
          if (role.user === 'admin') await session.page.screenshot({ path: path.join(SCREENS, `view-${view}-${theme}.png`), fullPage: true });
        }
        expect(violations).toEqual([]);

        // Settings say who may change them; an admin gets the button.
        expect(await app().getByRole('button', { name: 'Edit settings' }).count()).toBe(role.canAdminister ? 1 : 0);
        expect(await app().getByTestId('settings-why-not').count()).toBe(role.canAdminister ? 0 : 1);
        // Thirteen views, each checked by axe: about 10 s a view on a busy machine.
      }, 240_000);
    }
  }

  it('the Health tab, the summary and the Health view agree on severity and the problem count', async () => {
    await session.page.goto(projectPageUrl(session.host, { user: 'member' }));
    const summary = await app().getByTestId('summary-severity').textContent();
    const tab =
      (await app()
        .getByRole('tab', { name: /^Health/ })
        .textContent()) ?? '';
    await openView(app(), 'health');
    expect(await app().getByTestId('health-severity').textContent()).toBe(summary);
    const count = /(\d+)$/.exec(tab)?.[1];
    expect(count).toBeDefined();
    expect(await app().getByTestId('health-panel').textContent()).toContain(`${count} problems to look at`);
  });

  it('a dialog opened from low on the board, with the product page scrolled down, opens in sight', async () => {
    await session.page.setViewportSize({ width: 1280, height: 500 });
    await session.page.goto(projectPageUrl(session.host, { user: 'admin' }));
    const last = app().getByTestId('initiative-card').last();
    await last.waitFor();
    await session.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await session.page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
    await last.getByRole('button', { name: /^Edit “/ }).click();
    const title = app().getByRole('dialog').getByRole('heading', { level: 1 });
    await title.waitFor();
    await session.page.waitForTimeout(300);
    // The dialog's title is inside the host page's viewport (page coordinates minus the host's scroll).
    const box = (await title.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(500);
  });

  it('a landed write is announced with a flag on the host page, naming what changed', async () => {
    await session.page.goto(projectPageUrl(session.host, { user: 'admin', view: 'health' }));
    await app().getByRole('button', { name: 'Mark reviewed' }).click();
    const flag = session.page.getByTestId('host-flag').filter({ hasText: 'Reviewed the roadmap' });
    await flag.waitFor();
    expect(await flag.getAttribute('data-type')).toBe('success');
  });
});
