/**
 * The rich demo as `npm start` serves it (dev/demo-rich.ts), in Chromium: every panel of the project page has
 * something to say, and the Confluence demo pages show the configured macro in both views. Screenshots go to
 * /tmp/team/screens/demo-*.png (light and dark).
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { seedDemoMacros, seedRichDemo } from '../../dev/demo-rich';
import { createHostServer } from '../../dev/host/server';
import { LocalForge } from '../../dev/local-forge';
import { launchChromium, openView } from './harness';

const root = path.resolve(__dirname, '../..');
const SCREENS = '/tmp/team/screens';

/** The host `npm start` runs, in-process on a free port: the rich demo and the demo pages' macros, in a temp dir. */
async function startRichHost(): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tech-roadmap-demo-'));
  const forge = new LocalForge({ dataFile: path.join(dataDir, 'kvs.sqlite') });
  await seedRichDemo(forge);
  const stateFile = path.join(dataDir, 'host-state.json');
  seedDemoMacros(stateFile);
  const server: http.Server = createHostServer({ forge, staticDir: path.join(root, 'static/build'), stateFile });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          forge.close();
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

describe('the rich demo (npm start)', () => {
  let browser: Browser;
  let host: { url: string; stop(): Promise<void> };
  let page: Page;
  const app = (): FrameLocator => page.frameLocator('#app-frame');

  beforeAll(async () => {
    fs.mkdirSync(SCREENS, { recursive: true });
    browser = await launchChromium();
    host = await startRichHost();
  });
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterEach(async () => {
    await page.close();
  });

  async function openProject(key: 'TR' | 'PAY', theme: 'light' | 'dark' = 'light') {
    await page.goto(`${host.url}/jira/${key}/roadmap?user=admin&theme=${theme}`);
    await app().getByTestId('initiative-card').first().waitFor();
  }

  /** The whole page, after the frames have settled (fonts, progress bars). */
  async function screenshot(name: string) {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENS, `demo-${name}.png`), fullPage: true });
  }

  it.each(['light', 'dark'] as const)(
    'TR project page (%s): capacity with a buffer warning, health findings, debt and a multi-entry changelog',
    async (theme) => {
      await openProject('TR', theme);
      // The first screen: the summary, then the board.
      const summary = app().getByTestId('roadmap-summary');
      expect(await summary.getByTestId('summary-review').textContent()).toMatch(/Review overdue by \d+ days?/);
      expect(await summary.getByTestId('summary-health').textContent()).toContain('1 dependency problem');
      await screenshot(`tr-board-${theme}`);

      await openView(app(), 'capacity');
      const capacity = app().getByTestId('capacity-panel');
      expect(await capacity.getByTestId('capacity-not-set').count()).toBe(0);
      expect(await capacity.getByTestId('capacity-settings').textContent()).toMatch(/40 person-weeks per quarter, 25 % kept as buffer/);
      const warnings = capacity.getByTestId('buffer-warnings');
      await warnings.waitFor();
      expect(await warnings.textContent()).toMatch(/commitments leave only 10 % of capacity free, below the 25 % buffer/);
      const rows = capacity.getByTestId('capacity-quarter');
      expect(await rows.count()).toBe(4);
      const states = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')));
      expect(states.filter((s) => s === 'over-committed')).toHaveLength(1);
      expect(states.filter((s) => s === 'within-plan')).toHaveLength(3);

      await screenshot(`tr-capacity-${theme}`);

      await openView(app(), 'health');
      const health = app().getByTestId('health-panel');
      expect(await health.getByTestId('review-headline').textContent()).toMatch(/^Review overdue by \d+ days?$/);
      expect(await health.getByTestId('dependency-finding-item').count()).toBe(1);
      expect(await health.getByTestId('dependency-finding-item').textContent()).toMatch(/“Centralize logging” \(I-2\) is in Now but depends on .* in Later/);
      expect(await health.getByTestId('backlog-candidate-item').count()).toBe(1);
      expect(await health.getByTestId('backlog-candidate-item').textContent()).toContain('“Evaluate a service mesh” (I-10) serves no business goal');
      expect(await health.getByTestId('overdue-initiative-item').count()).toBe(1);
      expect(await health.getByTestId('overdue-initiative-item').textContent()).toContain('“Upgrade Node.js to v22 LTS” (I-1)');
      expect(await health.getByTestId('untouched-initiative-item').count()).toBeGreaterThanOrEqual(1);
      expect(await health.getByTestId('goals-without-initiatives').count()).toBe(0);

      await screenshot(`tr-health-${theme}`);

      await openView(app(), 'debt');
      const debt = app().getByTestId('debt-register');
      expect(await debt.getByTestId('debt-open').getByTestId('debt-item').count()).toBe(4);
      expect(await debt.getByTestId('debt-promoted-list').locator('li').count()).toBe(1);
      expect(await debt.getByTestId('debt-promoted-list').textContent()).toContain('Legacy auth service signs tokens with SHA-1');
      const categories = await debt.getByTestId('debt-category').allTextContents();
      expect(new Set(categories).size).toBe(5);

      await screenshot(`tr-debt-${theme}`);

      await openView(app(), 'changelog');
      const changelog = app().getByTestId('changelog');
      await changelog.getByTestId('change-entry').first().waitFor();
      expect(await changelog.getByTestId('change-entry').count()).toBe(10);
      expect(await changelog.getByTestId('change-reason').count()).toBeGreaterThanOrEqual(5);
      expect(await changelog.getByTestId('change-summary').allTextContents()).toContain('Changed roadmap settings (capacity)');

      await screenshot(`tr-changelog-${theme}`);

      // Initiatives in all three horizons, with progress from epics in every Jira status.
      await openView(app(), 'board');
      for (const horizon of ['now', 'next', 'later'])
        expect(await app().getByTestId(`horizon-${horizon}`).getByTestId('initiative-card').count()).toBeGreaterThan(0);
      await app().getByTestId('initiative-progress').first().waitFor();

      // Cards show what was entered: owner by name, RICE, the goals served, the metric's current → target.
      const node = app().getByTestId('initiative-card').filter({ hasText: 'Upgrade Node.js to v22 LTS' });
      await node.getByTestId('person').filter({ hasText: 'Max Member' }).waitFor();
      expect(await node.getByTestId('card-rice').textContent()).toBe('RICE 6');
      expect(await node.getByTestId('card-metric').textContent()).toContain('(31 → 40 services)');
      expect(await node.getByTestId('card-goals').textContent()).toBe('Serves: Cut production incidents in half; Pass the EU compliance audit');
      const board = (await app().locator('section[aria-label="Now, Next, Later"]').textContent()) ?? '';
      expect(board).not.toContain('557058:');
      // Tracks are told apart by colour (their dots), not all in one warning colour.
      const dots = await app()
        .getByTestId('track-tag')
        .evaluateAll((tags) => tags.map((t) => [t.textContent ?? '', getComputedStyle(t.firstElementChild as Element).backgroundColor]));
      const colourOf = new Map(dots.map(([track, colour]) => [track, colour]));
      expect(new Set(colourOf.values()).size).toBe(colourOf.size);
      expect(colourOf.size).toBeGreaterThanOrEqual(4);

      await screenshot(`tr-project-${theme}`);
    },
  );

  it('PAY project page: its own roadmap, with PCI DSS and GDPR on the compliance track', async () => {
    await openProject('PAY');
    expect(await app().getByTestId('initiative-card').filter({ hasText: 'PCI DSS 4.0 compliance' }).count()).toBe(1);
    await screenshot('pay-project-light');
    await openView(app(), 'capacity');
    expect(await app().getByTestId('buffer-warnings').textContent()).toMatch(/commitments leave only 15 % of capacity free/);
    await openView(app(), 'health');
    const health = app().getByTestId('health-panel');
    expect(await health.getByTestId('dependency-finding-item').textContent()).toMatch(
      /“Fraud scoring v2” \(I-5\) is in Now but depends on “GDPR erasure and retention for payment data” \(I-4\) in Next/,
    );
    expect(await health.getByTestId('overdue-initiative-item').textContent()).toContain('“Multi-currency settlement” (I-2)');
    expect(await health.getByTestId('backlog-candidate-item').count()).toBe(1);
    await openView(app(), 'debt');
    expect(await app().getByTestId('debt-promoted-list').textContent()).toContain('Settlement batch runs single-threaded');
  });

  it.each(['light', 'dark'] as const)('Confluence page 1 (%s): the macro is configured, executive view of TR', async (theme) => {
    await page.goto(`${host.url}/confluence/pages/1?user=admin&theme=${theme}`);
    const view = app().getByTestId('executive-view');
    await view.waitFor();
    expect(await app().getByTestId('macro-not-configured').count()).toBe(0);
    expect(await app().getByTestId('embedded-subtitle').textContent()).toContain('Tech Roadmap Demo · Executive one-pager · as of');
    const shown = await view.getByTestId('executive-initiative').evaluateAll((els) => els.map((e) => e.getAttribute('data-initiative-id')));
    // The one-pager is about what is still to come: TR's ten initiatives but the one already done.
    expect(new Set(shown).size).toBe(9);
    await screenshot(`confluence-executive-${theme}`);

    // The macro's settings show the saved configuration.
    await page.getByRole('button', { name: 'Edit macro' }).click();
    const config = page.frameLocator('#config-frame');
    const tr = config.getByTestId('project-choice').filter({ hasText: '(TR)' }).getByRole('radio');
    await tr.waitFor();
    expect(await tr.isChecked()).toBe(true);
    expect(await config.getByRole('radio', { name: /^Executive one-pager/ }).isChecked()).toBe(true);
  });

  it.each(['light', 'dark'] as const)('Confluence page 2 (%s): the Now / Next / Later board of the same roadmap', async (theme) => {
    await page.goto(`${host.url}/confluence/pages/2?user=admin&theme=${theme}`);
    await app().getByTestId('initiative-card').first().waitFor();
    expect(await app().getByTestId('macro-not-configured').count()).toBe(0);
    expect(await app().getByTestId('embedded-subtitle').textContent()).toContain('Tech Roadmap Demo · Now / Next / Later board');
    expect(await app().getByTestId('initiative-card').count()).toBe(10);
    for (const horizon of ['now', 'next', 'later'])
      expect(await app().getByTestId(`horizon-${horizon}`).getByTestId('initiative-card').count()).toBeGreaterThan(0);
    await screenshot(`confluence-engineering-${theme}`);
  });
});
