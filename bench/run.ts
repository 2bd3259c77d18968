/**
 * `npm run bench`: storage and Jira round trips, bytes, value sizes and recompute times for roadmaps of 100, 1,000
 * and 5,000 initiatives, through the real store and resolvers against the local emulators; plus UI bundle sizes.
 * Prints a Markdown report (pasted into docs/BENCHMARKS.md). Counts are exact; times are medians of several runs.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { seedDemoRoadmap } from '../dev/demo-seed';
import { largeRoadmap, storeLargeRoadmap } from '../dev/fixtures/large-roadmap';
import { createHostServer } from '../dev/host/server';
import { DEMO_USERS } from '../dev/jira';
import { LocalForge } from '../dev/local-forge';
import type { MutationResult, Result, RoadmapView } from '../src/domain/api';
import { roadmapHealth } from '../src/domain/rules/health';
import { PAGED_HEADER, pagedViewBench } from './paged-view';
import { PROGRESS_HEADER, progressBench } from './progress';
import { RENDER_HEADER, renderAtSize } from './render-at-size';
import { DELTAS_HEADER, writeDeltasBench } from './write-deltas';

const NOW = new Date('2026-11-23T12:00:00Z');
const SIZES = [100, 1000, 5000];
const PROJECT = { id: '10000', key: 'TR' };
const context = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: PROJECT } };

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: () => void): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

interface Row {
  size: number;
  worstCase: boolean;
  loadTrips: number;
  loadBytes: number;
  viewKvsTrips: number;
  viewJiraTrips: number;
  moveKvsTrips: number;
  moveJiraTrips: number;
  /** Linking one epic: the move's trips plus the epic-deletion epoch read and one bulk fetch as the caller. null: worst-case initiatives already hold the most epics. */
  linkTrips: { kvs: number; jira: number } | null;
  largestValue: number;
  recomputeMs: number;
  loadMs: number;
  viewMs: number;
  /** Bytes of the getRoadmapView answer, or the size it would have had when over the 5 MB limit (LIMIT). */
  viewPayload: number;
  viewRefused: boolean;
}

async function measure(size: number, worstCase: boolean): Promise<Row> {
  const forge = new LocalForge({ now: () => NOW });
  try {
    await storeLargeRoadmap(forge.deps.store, largeRoadmap(PROJECT.id, size, { worstCase, now: NOW }), NOW);
    const largestValue = forge.kvs.largestValueBytes;

    forge.kvs.resetStats();
    const roadmap = await forge.deps.store.load(PROJECT.id);
    if (!roadmap) throw new Error('not stored');
    const loadTrips = forge.kvs.stats.totalCalls;
    const loadBytes = forge.kvs.stats.bytesRead;

    forge.kvs.resetStats();
    forge.jira.resetStats();
    const view = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    const viewKvsTrips = forge.kvs.stats.totalCalls;
    const viewJiraTrips = forge.jira.totalCalls;
    const viewRefused = !view.ok;
    if (!view.ok && view.error.code !== 'LIMIT') throw new Error(view.error.message);
    // When refused, report the size the view would have had.
    const viewPayload = view.ok ? Buffer.byteLength(JSON.stringify(view)) : Number(/([\d.]+) MB/.exec(view.error.message)?.[1] ?? 0) * 1024 * 1024;

    forge.kvs.resetStats();
    forge.jira.resetStats();
    const moved = (await forge.invoke(
      'moveInitiative',
      { baseRevision: roadmap.meta.revision, initiativeId: `I-${Math.ceil(size / 2)}`, to: { targetQuarter: '2028-Q1' }, reason: 'Benchmark move' },
      context,
    )) as Result<MutationResult>;
    if (!moved.ok) throw new Error(moved.error.message);
    const moveKvsTrips = forge.kvs.stats.totalCalls;
    const moveJiraTrips = forge.jira.totalCalls;

    let linkTrips: Row['linkTrips'] = null;
    if (!worstCase) {
      forge.kvs.resetStats();
      forge.jira.resetStats();
      const linked = (await forge.invoke(
        'updateInitiative',
        { baseRevision: moved.value.revision, initiativeId: `I-${Math.ceil(size / 2)}`, patch: { epicIds: ['20028'] } },
        context,
      )) as Result<MutationResult>;
      if (!linked.ok) throw new Error(linked.error.message);
      linkTrips = { kvs: forge.kvs.stats.totalCalls, jira: forge.jira.totalCalls };
    }

    const recomputeMs = time(9, () => roadmapHealth(roadmap, NOW));
    const loadMs = await timeAsync(5, () => forge.deps.store.load(PROJECT.id));
    const viewMs = await timeAsync(5, () => forge.invoke('getRoadmapView', {}, context));
    return {
      size,
      worstCase,
      loadTrips,
      loadBytes,
      viewKvsTrips,
      viewJiraTrips,
      moveKvsTrips,
      moveJiraTrips,
      linkTrips,
      largestValue,
      recomputeMs,
      loadMs,
      viewMs,
      viewPayload,
      viewRefused,
    };
  } finally {
    forge.close();
  }
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Project page render time in headless Chromium through the local host: from navigation to the first initiative
 * card, and to the summary's capacity tile (health computed in the browser). Median of 3 loads.
 */
/** Headless Debian Chromium, as the browser tests launch it. */
function launchBenchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function renderTimes(): Promise<string[]> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.resolve(__dirname, '../static/build/project-page/index.html'))) {
    return ['(skipped: needs Debian chromium and `npm run build`)'];
  }
  const browser = await launchBenchChromium();
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const forge = new LocalForge({ now: () => NOW });
      await storeLargeRoadmap(forge.deps.store, largeRoadmap(PROJECT.id, size, { now: NOW }), NOW);
      const server = createHostServer({ forge, staticDir: path.resolve(__dirname, '../static/build'), stateFile: null });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jira/TR/roadmap?user=admin`;
      const firstCard: number[] = [];
      const panels: number[] = [];
      for (let run = 0; run < 4; run++) {
        const page = await browser.newPage();
        const start = performance.now();
        await page.goto(url);
        const app = page.frameLocator('#app-frame');
        await app.getByTestId('initiative-card').first().waitFor({ timeout: 120_000 });
        const cardAt = performance.now() - start;
        await app.getByTestId('summary-capacity').waitFor({ timeout: 120_000 });
        const panelAt = performance.now() - start;
        await page.close();
        if (run > 0) {
          firstCard.push(cardAt);
          panels.push(panelAt);
        }
      }
      rows.push(`| ${size.toLocaleString('en-US')} | ${median(firstCard).toFixed(0)} ms | ${median(panels).toFixed(0)} ms |`);
      await stopHost(server, forge);
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** What each drawn view shows once it has drawn: the time to it is the view's render time. */
const VIEW_READY: Record<string, string> = {
  board: '[data-testid="initiative-card"]',
  timeline: '[data-testid="timeline-initiative"]',
  priorities: '[data-testid="matrix-point"]',
  dependencies: '[data-testid="dependency-list"]',
  capacity: '[data-testid="capacity-bar"]',
  executive: '[data-testid="executive-initiative"]',
};
const VIEW_SIZES = [100, 500];

/**
 * Each drawn view opened by its link (`/jira/TR/roadmap/<view>`), from navigation until its content shows, as a
 * ratio to the board measured in the same run (the machines are noisy; the ratio is what to compare).
 */
async function viewRenderTimes(): Promise<string[]> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.resolve(__dirname, '../static/build/project-page/index.html'))) {
    return ['(skipped: needs Debian chromium and `npm run build`)'];
  }
  const browser = await launchBenchChromium();
  const rows: string[] = [];
  try {
    for (const size of VIEW_SIZES) {
      const forge = new LocalForge({ now: () => NOW });
      const roadmap = largeRoadmap(PROJECT.id, size, { now: NOW });
      // Capacity set, so the capacity view draws its chart (the fixture leaves it unset).
      roadmap.meta.capacity = { perQuarter: size * 0.8, unit: 'person-weeks', bufferPercent: 25 };
      await storeLargeRoadmap(forge.deps.store, roadmap, NOW);
      const server = createHostServer({ forge, staticDir: path.resolve(__dirname, '../static/build'), stateFile: null });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jira/TR/roadmap`;
      const times: Record<string, number> = {};
      for (const [view, ready] of Object.entries(VIEW_READY)) {
        const runs: number[] = [];
        for (let run = 0; run < 4; run++) {
          const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
          const start = performance.now();
          await page.goto(`${base}/${view}?user=admin`);
          await page.frameLocator('#app-frame').locator(ready).first().waitFor({ timeout: 120_000 });
          const at = performance.now() - start;
          await page.close();
          if (run > 0) runs.push(at);
        }
        times[view] = median(runs);
      }
      for (const view of Object.keys(VIEW_READY)) {
        rows.push(`| ${size.toLocaleString('en-US')} | ${view} | ${times[view].toFixed(0)} ms | ${(times[view] / times.board).toFixed(2)} |`);
      }
      await stopHost(server, forge);
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** Each drawn view's own chunk (loaded with its tab), gzip. */
function viewChunkSizes(): string[] {
  const assets = path.resolve(__dirname, '../static/build/project-page/assets');
  if (!fs.existsSync(assets)) return ['(static/build missing: run `npm run build` first)'];
  return ['TimelineView', 'PrioritiesView', 'DependencyMap', 'CapacityPanel', 'ExecutiveView'].map((name) => {
    const files = fs.readdirSync(assets).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
    const gzip = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
    return `| ${name} | ${files.length === 0 ? '—' : kib(gzip)} |`;
  });
}

type BenchPage = import('playwright-core').Page;

/** Stops a local host and its Forge after a measurement. */
async function stopHost(server: ReturnType<typeof createHostServer>, forge: LocalForge): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  forge.close();
}

/** Opens one of the project page's views by its tab. */
async function openTab(page: BenchPage, name: 'Board' | 'Changelog'): Promise<void> {
  await page.frameLocator('#app-frame').getByRole('tab', { name }).click();
  await page.frameLocator('#app-frame').getByTestId(`view-${name.toLowerCase()}`).waitFor();
}

/** The resolver calls the page's frames send through the bridge, from now on. */
function recordInvokes(page: BenchPage): string[] {
  const keys: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/__host/bridge')) return;
    const body = request.postDataJSON() as { method?: string; payload?: { functionKey?: string } } | null;
    if (body?.method === 'invoke' && body.payload?.functionKey) keys.push(body.payload.functionKey);
  });
  return keys;
}

/** One write through each surface's real UI on the demo roadmap: what it costs in invokes, counted at the bridge. */
const WRITES: Array<{ surface: string; write: string; url: string; run: (page: BenchPage) => Promise<void> }> = [
  {
    surface: 'project page',
    write: 'move an initiative (quarter + reason)',
    url: '/jira/TR/roadmap?user=admin',
    run: async (page) => {
      const app = page.frameLocator('#app-frame');
      const title = 'Parallelize CI pipeline';
      await app.getByRole('button', { name: `Move “${title}”` }).click();
      const form = app.getByTestId('move-form');
      await form.getByLabel('Target quarter').fill('2029-Q1');
      await form.getByLabel('Why is it moving?').fill('Benchmark');
      await form.getByRole('button', { name: 'Move initiative' }).click();
      await form.waitFor({ state: 'detached' });
      await openTab(page, 'Changelog');
      await app
        .getByTestId('change-entry')
        .first()
        .filter({ hasText: `Moved "${title}"` })
        .waitFor();
    },
  },
  {
    surface: 'project page',
    write: 'add an initiative',
    url: '/jira/TR/roadmap?user=admin',
    run: async (page) => {
      const app = page.frameLocator('#app-frame');
      await app.getByTestId('page-header').getByRole('button', { name: 'Add initiative' }).click();
      const form = app.getByRole('dialog').locator('form');
      await form.getByLabel('Title').fill('Benchmark initiative');
      await form.getByLabel('Success metric').fill('Counted');
      await form.getByLabel('Target quarter').fill('2028-Q1');
      await form.getByRole('button', { name: 'Add initiative' }).click();
      await app.getByTestId('initiative-card').filter({ hasText: 'Benchmark initiative' }).waitFor();
    },
  },
  {
    surface: 'project page',
    write: 'link an epic in the editor',
    url: '/jira/TR/roadmap?user=admin',
    run: async (page) => {
      const app = page.frameLocator('#app-frame');
      const title = 'Centralize logging';
      const card = app.getByTestId('initiative-card').filter({ hasText: title });
      await card.getByRole('button', { name: `Edit “${title}”` }).click();
      await app.getByTestId('initiative-editor').getByLabel('Add epic keys').fill('TR-32');
      await app.getByTestId('initiative-editor').getByRole('button', { name: 'Save changes' }).click();
      await card.getByTestId('epic-count').filter({ hasText: '2 linked epics' }).waitFor();
    },
  },
  {
    surface: 'issue panel',
    write: 'link the epic to an initiative',
    url: '/jira/browse/TR-28?user=member',
    run: async (page) => {
      const panel = page.frameLocator('#app-frame').getByTestId('issue-panel');
      const form = panel.getByTestId('link-form');
      await form.getByLabel('Initiative').selectOption({ label: 'Parallelize CI pipeline — Velocity · Later' });
      await form.getByRole('button', { name: 'Link to initiative' }).click();
      await panel.getByTestId('linked-initiative-title').waitFor();
    },
  },
];

/** Invokes per write, counted at the bridge after the surface has loaded everything it loads by itself. */
async function invokesPerWrite(): Promise<string[]> {
  if (!fs.existsSync(CHROMIUM) || !fs.existsSync(path.resolve(__dirname, '../static/build/project-page/index.html'))) {
    return ['(skipped: needs Debian chromium and `npm run build`)'];
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const rows: string[] = [];
  try {
    for (const write of WRITES) {
      const forge = new LocalForge();
      await seedDemoRoadmap(forge);
      // BENCH_STATIC: another build of the UI (e.g. an older commit's) to count against the same resolvers.
      const server = createHostServer({ forge, staticDir: process.env.BENCH_STATIC ?? path.resolve(__dirname, '../static/build'), stateFile: null });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${write.url}`);
      const app = page.frameLocator('#app-frame');
      // Loaded: the page's cards with progress and its changelog (seen once on its tab), or the panel's link form.
      if (write.surface === 'project page') {
        await app.getByTestId('initiative-progress').first().waitFor();
        await openTab(page, 'Changelog');
        await app.getByTestId('change-entry').first().waitFor();
        await openTab(page, 'Board');
        await app.getByTestId('initiative-progress').first().waitFor();
      } else await app.getByTestId('link-form').waitFor();
      await page.waitForTimeout(500);
      const keys = recordInvokes(page);
      await write.run(page);
      // Whatever the surface asks for after a write, it asks at once.
      await page.waitForTimeout(1000);
      rows.push(`| ${write.surface} | ${write.write} | ${keys.length} | ${keys.join(', ')} |`);
      await page.close();
      await stopHost(server, forge);
    }
  } finally {
    await browser.close();
  }
  return rows;
}

function bundleSizes(): string[] {
  const root = path.resolve(__dirname, '../static/build');
  if (!fs.existsSync(root)) return ['(static/build missing: run `npm run build` first)'];
  return fs
    .readdirSync(root)
    .sort()
    .map((surface) => {
      const html = fs.readFileSync(path.join(root, surface, 'index.html'), 'utf8');
      const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => path.join(root, surface, m[1]));
      const raw = initial.reduce((sum, file) => sum + fs.statSync(file).size, 0);
      const gzip = initial.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file)).length, 0);
      return `| ${surface} | ${kib(raw)} | ${kib(gzip)} |`;
    });
}

async function main() {
  if (process.env.BENCH_ONLY === 'views') {
    console.log(['| initiatives | view | to content | ÷ board |', '| ---: | --- | ---: | ---: |', ...(await viewRenderTimes())].join('\n'));
    console.log(['', '| view chunk | gzip |', '| --- | ---: |', ...viewChunkSizes()].join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'render') {
    console.log([...RENDER_HEADER, ...(await renderAtSize())].join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'progress') {
    console.log([...PROGRESS_HEADER, ...(await progressBench())].join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'deltas') {
    console.log([...DELTAS_HEADER, ...(await writeDeltasBench())].join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'paged') {
    console.log([...PAGED_HEADER, ...(await pagedViewBench())].join('\n'));
    return;
  }
  if (process.env.BENCH_ONLY === 'invokes') {
    console.log(['| surface | write | invokes | which |', '| --- | --- | ---: | --- |', ...(await invokesPerWrite())].join('\n'));
    return;
  }
  const rows: Row[] = [];
  for (const size of SIZES) {
    rows.push(await measure(size, false));
    rows.push(await measure(size, true));
  }
  const out: string[] = [];
  out.push(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; KVS emulator (SQLite, in memory) and Jira fake in process.`);
  out.push('');
  out.push(
    '| initiatives | text | load: KVS round trips | load: bytes read | view: KVS / Jira round trips | move one initiative: KVS / Jira round trips | link one epic: KVS / Jira calls | largest value written | health recompute | store load | getRoadmapView | view payload |',
  );
  out.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    out.push(
      `| ${r.size.toLocaleString('en-US')} | ${r.worstCase ? 'worst case' : 'typical'} | ${r.loadTrips} | ${kib(r.loadBytes)} | ${r.viewKvsTrips} / ${r.viewJiraTrips} | ${r.moveKvsTrips} / ${r.moveJiraTrips} | ${r.linkTrips ? `${r.linkTrips.kvs} / ${r.linkTrips.jira}` : '—'} | ${kib(r.largestValue)} | ${r.recomputeMs.toFixed(1)} ms | ${r.loadMs.toFixed(1)} ms | ${r.viewMs.toFixed(1)} ms | ${r.viewRefused ? `LIMIT (would be ${kib(r.viewPayload)})` : kib(r.viewPayload)} |`,
    );
  }
  out.push('');
  out.push('Project page in headless Chromium (local host, typical roadmap; first load of each size not counted):');
  out.push('');
  out.push('| initiatives | first initiative card | summary tile (health computed) |');
  out.push('| ---: | ---: | ---: |');
  out.push(...(await renderTimes()));
  out.push('');
  out.push('Drawn views opened by their link (typical roadmap; first load not counted), as a ratio to the board in the same run:');
  out.push('');
  out.push('| initiatives | view | to content | ÷ board |');
  out.push('| ---: | --- | ---: | ---: |');
  out.push(...(await viewRenderTimes()));
  out.push('');
  out.push('Board and every tab at 100 and 5,000 initiatives, data arrived → interactive (bench/render-at-size.ts):');
  out.push('');
  out.push(...RENDER_HEADER);
  out.push(...(await renderAtSize()));
  out.push('');
  out.push('| view chunk | gzip |');
  out.push('| --- | ---: |');
  out.push(...viewChunkSizes());
  out.push('');
  out.push('Invokes per write through the real UI (demo roadmap; counted at the bridge once the surface has loaded):');
  out.push('');
  out.push('| surface | write | invokes | which |');
  out.push('| --- | --- | ---: | --- |');
  out.push(...(await invokesPerWrite()));
  out.push('');
  out.push('One write’s answer: the whole view before issue 11, the delta now (admin, through the real resolvers):');
  out.push('');
  out.push(...DELTAS_HEADER);
  out.push(...(await writeDeltasBench()));
  out.push('');
  out.push('Epic progress, cold and warm (Jira fake and KVS emulator with latency):');
  out.push('');
  out.push(...PROGRESS_HEADER);
  out.push(...(await progressBench()));
  out.push('');
  out.push('The largest roadmaps, paged (first getRoadmapView answer, then getRoadmapViewPart two at a time; ratios to the 100-initiative view):');
  out.push('');
  out.push(...PAGED_HEADER);
  out.push(...(await pagedViewBench()));
  out.push('');
  out.push('Custom UI bundles (what each index.html loads up front):');
  out.push('');
  out.push('| surface | raw | gzip |');
  out.push('| --- | ---: | ---: |');
  out.push(...bundleSizes());
  console.log(out.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
