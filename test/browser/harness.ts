import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core';
import { seedDemoMacros, seedRichDemo } from '../../dev/demo-rich';
import { seedDemoRoadmap } from '../../dev/demo-seed';
import type { DemoUserName } from '../../dev/host/frame-context';
import { createHostServer } from '../../dev/host/server';
import { DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { Result, RoadmapView } from '../../src/domain/api';
import type { RoadmapHealth } from '../../src/domain/rules/health';
import { healthOfView } from '../../src/domain/view-health';
import type { PageViewId } from '../../static/src/shared/route/route-model';

const root = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium as the environment requires it here: headless, no sandbox (root), no background network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** One running local host (`npm start` in-process) on a free port, with its data in a temp dir. */
export interface RunningHost {
  url: string;
  forge: LocalForge;
  dataDir: string;
  stop(): Promise<void>;
}

/** Which demo a host starts with: the template roadmap for TR, or `npm start`'s rich demo for TR and PAY. */
export type DemoSeed = 'template' | 'rich';

export async function startHost(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tech-roadmap-')), seed: DemoSeed = 'template'): Promise<RunningHost> {
  const forge = new LocalForge({ dataFile: path.join(dataDir, 'kvs.sqlite') });
  if (seed === 'rich') {
    await seedRichDemo(forge);
    // As `npm start` does: Confluence pages 1–5 embed TR's roadmap, one page per macro view.
    seedDemoMacros(path.join(dataDir, 'host-state.json'));
  } else await seedDemoRoadmap(forge);
  const server: http.Server = createHostServer({ forge, staticDir: path.join(root, 'static/build'), stateFile: path.join(dataDir, 'host-state.json') });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forge,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          forge.close();
          resolve();
        });
      }),
  };
}

/** The project page's views by their tab's name (route-model's VIEW_LABEL; Health's tab adds a count). */
const TAB_NAME: Record<PageViewId, RegExp> = {
  board: /^Board$/,
  timeline: /^Timeline$/,
  priorities: /^Priorities$/,
  dependencies: /^Dependencies$/,
  executive: /^Executive$/,
  phases: /^Phases$/,
  capacity: /^Capacity$/,
  health: /^Health/,
  drift: /^Drift/,
  debt: /^Debt$/,
  changelog: /^Changelog$/,
  review: /^Since last review$/,
  'import-export': /^Import and export$/,
  settings: /^Settings$/,
};

/** Opens one of the project page's views by clicking its tab, as a user would, and waits until it has loaded. */
export async function openView(app: FrameLocator, view: PageViewId): Promise<void> {
  await app.getByRole('tab', { name: TAB_NAME[view] }).click();
  await waitForView(app, view);
}

/** Waits until a view is shown and nothing in it is still loading (its code loads with its tab, and its data may load too). */
export async function waitForView(app: FrameLocator, view: PageViewId): Promise<void> {
  await app.getByTestId(`view-${view}`).waitFor();
  await app.getByTestId(`view-${view}`).getByTestId('loading').first().waitFor({ state: 'detached' });
}

/**
 * A demo project's roadmap as one demo user may see it, read through the real resolver as their project page asks
 * for it, with its health (`healthOfView`): what a browser test compares the drawn views with.
 */
export async function roadmapAs(
  host: RunningHost,
  user: DemoUserName,
  project: { id: string; key: string } = DEMO_PROJECTS.TR,
): Promise<{ view: RoadmapView; health: RoadmapHealth }> {
  const context = { accountId: DEMO_USERS[user].accountId, extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key } } };
  const answer = (await host.forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
  if (!answer.ok) throw new Error(answer.error.message);
  return { view: answer.value, health: healthOfView(answer.value, new Date()) };
}

/** The project page's URL on a view (a sub-route, as view.createHistory makes them), for a user and theme. */
export function projectPageUrl(
  host: RunningHost,
  options: { project?: string; view?: PageViewId; query?: string; user?: string; theme?: 'light' | 'dark' } = {},
): string {
  const query = new URLSearchParams(options.query ?? '');
  query.set('user', options.user ?? 'admin');
  if (options.theme) query.set('theme', options.theme);
  return `${host.url}/jira/${options.project ?? 'TR'}/roadmap${options.view ? `/${options.view}` : ''}?${query.toString()}`;
}

/** The views a macro can embed, as its config labels them. */
export type MacroViewLabel = 'Executive one-pager' | 'Now / Next / Later board' | 'Timeline' | 'Capacity' | 'Changelog digest';

/** One browser and one local host per test file, a fresh page per test. */
export interface BrowserSession {
  readonly host: RunningHost;
  readonly page: Page;
  /** Another tab in the same browser (another user working at the same time); the caller closes it. */
  newPage(): Promise<Page>;
  /** The app's iframe on the current page. */
  app(): FrameLocator;
  /** As an admin, puts the macro on Confluence page `pageId` and saves its config (project and view). */
  /** Configures a Confluence page's macro as its admin would: search for the project, pick it and a view, Save. */
  configureMacro(pageId: number, projectKey: string, view: MacroViewLabel): Promise<void>;
  /** Stops the host and starts it again on the same data directory, as `npm start` would after Ctrl-C. */
  restartHost(): Promise<void>;
}

export function useBrowserSession(options: { seed?: DemoSeed } = {}): BrowserSession {
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(undefined, options.seed);
  });
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
  });
  // A context of its own per test (what browser.newPage() does implicitly), made explicit so tools that need the
  // context, like axe-core's AxeBuilder, can use the page.
  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });
  return {
    get host() {
      return host;
    },
    get page() {
      return page;
    },
    newPage: () => browser.newPage(),
    app: () => page.frameLocator('#app-frame'),
    async configureMacro(pageId, projectKey, view) {
      await page.goto(`${host.url}/confluence/pages/${pageId}?user=admin`);
      await page.frameLocator('#app-frame').getByTestId('macro-not-configured').waitFor();
      await page.getByRole('button', { name: 'Edit macro' }).click();
      const config = page.frameLocator('#config-frame');
      await config.getByLabel('Project', { exact: true }).fill(projectKey);
      await config
        .getByTestId('project-choice')
        .filter({ hasText: `(${projectKey})` })
        .getByRole('radio')
        .check();
      await config.getByRole('radio', { name: new RegExp(`^${view}`) }).check();
      // The live preview shows the chosen roadmap before anything is saved.
      await config.getByTestId('macro-preview').locator('[data-testid="embedded-roadmap"], [data-testid="macro-no-roadmap"]').first().waitFor();
      await config.getByRole('button', { name: 'Save' }).click();
    },
    async restartHost() {
      const dataDir = host.dataDir;
      await host.stop();
      host = await startHost(dataDir, options.seed);
    },
  };
}
