/**
 * `BENCH_ONLY=render npx tsx bench/run.ts`: the project page's board and every other tab at 100 and 5,000
 * initiatives (typical texts), in headless Debian Chromium against the local host, as "data arrived → interactive".
 *
 * - data arrived: the `roadmap-view:arrived` performance mark, set when the getRoadmapView answer is in hand and about
 *   to enter the query cache (static/src/shared/data/queries.ts).
 * - interactive: the view's content is in the DOM (the board: a card's first button), the task that put it there has
 *   finished (the main thread is free to take a click) and its layout is done (forced). Recorded in the page by an
 *   init script as the `bench:interactive` mark.
 *
 * Times are medians of 3 loads after one warm-up load per size; the ratio column divides by the same run's
 * 100-initiative board, since the machines are noisy and the ratio is what compares.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { largeRoadmap, storeLargeRoadmap } from '../dev/fixtures/large-roadmap';
import { createHostServer } from '../dev/host/server';
import { LocalForge } from '../dev/local-forge';
import { TAB_VIEWS } from '../static/src/shared/route/route-model';

const NOW = new Date('2026-11-23T12:00:00Z');
const PROJECT_ID = '10000';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SIZES = process.env.BENCH_SIZES?.split(',').map(Number) ?? [100, 5000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** What each tab shows once it has drawn, inside its panel (`view-<id>`). */
const READY: Record<(typeof TAB_VIEWS)[number], string> = {
  board: '[data-testid="initiative-card"] button',
  timeline: '[data-testid="timeline-initiative"]',
  priorities: '[data-testid="matrix-point"], [data-testid="matrix-cell"]',
  dependencies: '[data-testid="dependency-list"]',
  capacity: '[data-testid="capacity-bar"]',
  executive: '[data-testid="executive-initiative"]',
  phases: '[data-testid="phase-initiative"]',
  health: '[data-testid="health-panel"]',
  drift: '[data-testid="drift-panel"], [data-testid="drift-empty"]',
  debt: '[data-testid="debt-register"]',
  changelog: '[data-testid="change-entry"]',
  review: '[data-testid="review"]',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Installed in every frame before its scripts: marks `bench:interactive` once `selector` shows in the app frame — at
 * the task after the one that put it in the DOM (the main thread is free for a click), with its layout forced then.
 * (A MutationObserver, not requestAnimationFrame: headless Chromium does not run a frame's rAF before it is shown.)
 */
function markInteractive(selector: string) {
  if (window.top === window) return;
  const observer = new MutationObserver(() => {
    const element = document.querySelector(selector);
    if (!element) return;
    observer.disconnect();
    setTimeout(() => {
      element.getBoundingClientRect();
      performance.mark('bench:interactive');
    }, 0);
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function appFrame(page: Page): Promise<Frame> {
  await page.waitForSelector('#app-frame', { state: 'attached', timeout: 120_000 });
  const handle = await page.$('#app-frame');
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no app frame');
  return frame;
}

/** One load of a tab by its link: [data arrived → interactive, navigation → interactive] in ms. */
async function loadOnce(browser: import('playwright-core').Browser, base: string, view: string): Promise<[number, number]> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  try {
    await page.addInitScript(markInteractive, `[data-testid="view-${view}"] :is(${READY[view as keyof typeof READY]})`);
    await page.goto(`${base}/${view}?user=admin`, { waitUntil: 'commit', timeout: 120_000 });
    const frame = await appFrame(page);
    const marks = await frame.waitForFunction(
      () => {
        const done = performance.getEntriesByName('bench:interactive')[0];
        const arrived = performance.getEntriesByName('roadmap-view:arrived')[0];
        return done && arrived ? { done: done.startTime, arrived: arrived.startTime } : null;
      },
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    const { done, arrived } = (await marks.jsonValue()) as { done: number; arrived: number };
    return [done - arrived, done];
  } finally {
    await page.close();
  }
}

export const RENDER_HEADER = [
  '| initiatives | view | data → interactive | ÷ board at 100 | frame start → interactive |',
  '| ---: | --- | ---: | ---: | ---: |',
];

/** The table rows (RENDER_HEADER's columns). */
export async function renderAtSize(): Promise<string[]> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.resolve(__dirname, '../static/build/project-page/index.html'))) {
    return ['(skipped: needs Debian chromium and `npm run build`)'];
  }
  const only = process.env.BENCH_VIEWS?.split(',');
  const views = TAB_VIEWS.filter((v) => !only || only.includes(v));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const results: Array<{ size: number; view: string; data: number; total: number }> = [];
  try {
    for (const size of SIZES) {
      const forge = new LocalForge({ now: () => NOW });
      const roadmap = largeRoadmap(PROJECT_ID, size, { now: NOW });
      // Capacity set, so the capacity view draws its chart (the fixture leaves it unset).
      roadmap.meta.capacity = { perQuarter: size * 0.8, unit: 'person-weeks', bufferPercent: 25 };
      await storeLargeRoadmap(forge.deps.store, roadmap, NOW);
      const server = createHostServer({ forge, staticDir: path.resolve(__dirname, '../static/build'), stateFile: null });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jira/TR/roadmap`;
      try {
        await loadOnce(browser, base, 'board'); // warm-up: the host's first answers and the browser's caches
        for (const view of views) {
          const data: number[] = [];
          const total: number[] = [];
          for (let run = 0; run < RUNS; run++) {
            const [d, t] = await loadOnce(browser, base, view);
            data.push(d);
            total.push(t);
          }
          results.push({ size, view, data: median(data), total: median(total) });
          process.stderr.write(`render: ${size} ${view} ${median(data).toFixed(0)} ms\n`);
        }
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        forge.close();
      }
    }
  } finally {
    await browser.close();
  }
  const baseline = results.find((r) => r.size === SIZES[0] && r.view === 'board')?.data ?? NaN;
  return results.map(
    (r) => `| ${r.size.toLocaleString('en-US')} | ${r.view} | ${r.data.toFixed(0)} ms | ${(r.data / baseline).toFixed(2)} | ${r.total.toFixed(0)} ms |`,
  );
}
