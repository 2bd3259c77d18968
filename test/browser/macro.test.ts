import fs from 'node:fs';
import path from 'node:path';
import { DEMO_MACRO_PAGES } from '../../dev/demo-rich';
import { DEMO_USERS } from '../../dev/jira';
import type { MacroViewId, Result, RoadmapView } from '../../src/domain/api';
import { seriousViolations } from './a11y';
import { useBrowserSession } from './harness';

const SCREENS = '/tmp/team/screens';

/**
 * The Confluence macro on the rich demo: its config finds projects by name or key as the viewer may browse them,
 * previews the chosen view live, saves or cancels; each embeddable view renders read-only for an admin and a reader
 * who may only browse TR, in both themes, sized to its content, with links that open the roadmap in Jira.
 */
describe('the Confluence macro', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const page = () => session.page;
  const app = () => session.app();
  const config = () => session.page.frameLocator('#config-frame');
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  async function openConfig(pageId: number, user: string) {
    await page().goto(`${session.host.url}/confluence/pages/${pageId}?user=${user}`);
    await page().getByRole('button', { name: 'Edit macro' }).click();
    await config().getByLabel('Project', { exact: true }).waitFor();
  }
  const choices = () =>
    config()
      .getByTestId('project-choice')
      .evaluateAll((labels) => labels.map((l) => l.textContent?.trim()));

  it('config finds "tr" by key and "platform" by name, case insensitive, and lists only projects the viewer may browse', async () => {
    await openConfig(30, 'admin');
    const search = config().getByLabel('Project', { exact: true });
    await search.fill('tr');
    await config().getByText('Projects matching “tr”').waitFor();
    expect(await choices()).toEqual(['Tech Roadmap Demo (TR)']);
    await search.fill('PLATFORM');
    await config().getByText('Projects matching “PLATFORM”').waitFor();
    expect(await choices()).toEqual(['Payments Platform (PAY)']);

    // The outsider may browse TR only: searching for PAY finds nothing, and says so.
    await openConfig(30, 'outsider');
    await config().getByLabel('Project', { exact: true }).fill('pay');
    await config().getByText('No project you can browse matches “pay”.').waitFor();
    expect(await config().getByTestId('project-choice').count()).toBe(0);
  });

  it('previews the chosen project and view live; Cancel closes and saves nothing', async () => {
    await page().setViewportSize({ width: 1280, height: 900 });
    await openConfig(31, 'admin');
    await config().getByLabel('Project', { exact: true }).fill('TR');
    await config().getByTestId('project-choice').filter({ hasText: '(TR)' }).getByRole('radio').check();
    const preview = config().getByTestId('macro-preview');
    await preview.getByTestId('executive-view').waitFor();
    // Switching views re-renders the one preview answer: no further resolver call.
    const previews: string[] = [];
    session.page.on('request', (request) => {
      if (!request.url().endsWith('/__host/bridge')) return;
      const body = request.postDataJSON() as { method?: string; payload?: { functionKey?: string } } | null;
      if (body?.method === 'invoke' && body.payload?.functionKey) previews.push(body.payload.functionKey);
    });
    for (const [label, view] of [
      ['Timeline', 'timeline'],
      ['Capacity', 'capacity'],
      ['Changelog digest', 'changelog'],
      ['Now / Next / Later board', 'board'],
    ] as const) {
      await config()
        .getByRole('radio', { name: new RegExp(`^${label.replace(/\//g, '\\/')}`) })
        .check();
      await preview.locator(`[data-testid="embedded-roadmap"][data-view="${view}"]`).waitFor();
    }
    await preview.getByTestId('initiative-card').first().waitFor();
    expect(await preview.getByTestId('initiative-card').count()).toBe(10);
    expect(previews.filter((key) => key === 'getMacroPreview')).toEqual([]);
    expect(await screenshotOf('macro-config-preview-light')).toBeTruthy();

    await config().getByRole('button', { name: 'Cancel' }).click();
    await page().locator('#macro-config').waitFor({ state: 'hidden' });
    await app().getByTestId('macro-not-configured').waitFor();
  });

  it('a saved macro shows what the preview showed, and its settings reopen on that choice', async () => {
    await session.configureMacro(32, 'TR', 'Timeline');
    await app().locator('[data-testid="embedded-roadmap"][data-view="timeline"]').waitFor();
    await page().getByRole('button', { name: 'Edit macro' }).click();
    const tr = config().getByTestId('project-choice').filter({ hasText: '(TR)' }).getByRole('radio');
    await tr.waitFor();
    expect(await tr.isChecked()).toBe(true);
    expect(
      await config()
        .getByRole('radio', { name: /^Timeline/ })
        .isChecked(),
    ).toBe(true);
  });

  for (const user of ['admin', 'outsider'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${user}, ${theme}: every embeddable view renders read-only, fitted to its content, with no serious axe violation`, async () => {
        const violations: string[] = [];
        for (const demo of DEMO_MACRO_PAGES) {
          const viewId = demo.config.view;
          await page().goto(`${session.host.url}/confluence/pages/${demo.pageId}?user=${user}&theme=${theme}`);
          const embedded = app().locator(`[data-testid="embedded-roadmap"][data-view="${viewId}"]`);
          await embedded.waitFor();
          await embedded.getByTestId('loading').first().waitFor({ state: 'detached' });
          await embedded.locator(VIEW_CONTENT[viewId]).first().waitFor();
          // Read-only: nothing on the macro edits the roadmap.
          for (const name of ['Add initiative', 'Edit', 'Move', 'Delete', 'Save'])
            expect(await app().getByRole('button', { name, exact: true }).count()).toBe(0);
          expect(await app().getByTestId('open-in-jira').count()).toBe(1);
          await expectFitted();
          await page().waitForTimeout(150);
          violations.push(...(await seriousViolations(page())).map((v) => `${viewId}: ${v}`));
          if (user === 'admin') await screenshotOf(`macro-${viewId}-${theme}`);
        }
        expect(violations).toEqual([]);
      });
    }
  }

  it('"Open in Jira" opens the roadmap at the same view in a new tab, as the same viewer', async () => {
    await page().goto(`${session.host.url}/confluence/pages/3?user=outsider`);
    const link = app().getByTestId('open-in-jira');
    await link.waitFor();
    const [tab] = await Promise.all([page().context().waitForEvent('page'), link.click()]);
    await tab.waitForURL(/\/jira\/TR\/roadmap\/timeline/);
    expect(new URL(tab.url()).searchParams.get('user')).toBe('outsider');
    await tab.frameLocator('#app-frame').getByTestId('view-timeline').waitFor();
    await tab.close();

    // An initiative on the embedded timeline opens its card on the roadmap's board, focused.
    const chip = app().getByTestId('timeline-initiative').first();
    const id = await chip.getAttribute('data-initiative-id');
    const [cardTab] = await Promise.all([page().context().waitForEvent('page'), chip.getByRole('button').first().click()]);
    await cardTab.waitForURL(/\/jira\/TR\/roadmap\/board\?/);
    expect(new URL(cardTab.url()).searchParams.get('initiative')).toBe(id);
    const focused = cardTab.frameLocator('#app-frame').locator('[data-testid="initiative-card"]:focus');
    await focused.waitFor();
    expect(await focused.getAttribute('data-initiative-id')).toBe(id);
    await cardTab.close();
  });

  it('the macro shows the roadmap as its reader may see it: the view the resolvers give that reader', async () => {
    const asOutsider = (await session.host.forge.invoke(
      'getRoadmapView',
      {},
      { accountId: DEMO_USERS.outsider.accountId, extension: { type: 'macro', config: DEMO_MACRO_PAGES[1].config } },
    )) as Result<RoadmapView>;
    if (!asOutsider.ok) throw new Error(asOutsider.error.message);
    await page().goto(`${session.host.url}/confluence/pages/2?user=outsider`);
    await app().getByTestId('initiative-card').first().waitFor();
    const shown = await app()
      .getByTestId('initiative-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-initiative-id')).sort());
    expect(shown).toEqual(asOutsider.value.initiatives.map((i) => i.id).sort());
  });

  /** Something every view shows once it has drawn its content. */
  const VIEW_CONTENT: Record<MacroViewId, string> = {
    executive: '[data-testid="executive-view"]',
    board: '[data-testid="initiative-card"]',
    timeline: '[data-testid="timeline-initiative"]',
    capacity: '[data-testid="capacity-chart"]',
    changelog: '[data-testid="digest-entry"]',
  };

  async function screenshotOf(name: string) {
    const file = path.join(SCREENS, `${name}.png`);
    await page().screenshot({ path: file, fullPage: true });
    return file;
  }

  /** The macro's frame is exactly as tall as its content: no inner scrollbar, nothing cut off. */
  async function expectFitted() {
    await page().waitForFunction(() => {
      const iframe = document.getElementById('app-frame') as HTMLIFrameElement | null;
      const doc = iframe?.contentDocument?.documentElement;
      return !!doc && doc.scrollHeight <= Math.ceil(iframe.getBoundingClientRect().height) && doc.scrollHeight > 40;
    });
    const fit = await page().evaluate(() => {
      const iframe = document.getElementById('app-frame') as HTMLIFrameElement;
      const doc = iframe.contentDocument!.documentElement;
      return { scroll: doc.scrollHeight, frame: iframe.getBoundingClientRect().height, scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth };
    });
    expect(Math.abs(fit.scroll - fit.frame)).toBeLessThanOrEqual(1);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
  }
});
