/**
 * `BENCH_ONLY=paged npm run bench`: loading a view too large for one invoke (src/domain/view-pages.ts) as the client
 * does — the first getRoadmapView answer, then the parts two at a time — through the real resolvers against the
 * local emulators. Per roadmap: invokes, the largest and total answer bytes, KVS / Jira round trips per invoke, the
 * time to the first answer (first paint) and to the whole view, as ratios to the 100-initiative getRoadmapView of the
 * same run. Times are medians of 3 loads.
 */
import { performance } from 'node:perf_hooks';
import { largeRoadmap, storeLargeRoadmap } from '../dev/fixtures/large-roadmap';
import { DEMO_USERS } from '../dev/jira';
import { LocalForge } from '../dev/local-forge';
import type { Result, RoadmapView } from '../src/domain/api';
import { type ViewPart, withViewPart } from '../src/domain/view-pages';

const NOW = new Date('2026-11-23T12:00:00Z');
const PROJECT = { id: '10000', key: 'TR' };
const context = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: PROJECT } };
const RUNS = 3;
const IN_FLIGHT = 2;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Load {
  invokes: number;
  largest: number;
  total: number;
  firstMs: number;
  wholeMs: number;
}

/** One load as the client does it: the first answer, then the parts, two in flight, merged in order. */
async function load(forge: LocalForge): Promise<Load> {
  const sizes: number[] = [];
  const started = performance.now();
  const first = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
  const firstMs = performance.now() - started;
  sizes.push(Buffer.byteLength(JSON.stringify(first)));
  if (!first.ok) throw new Error(first.error.message);
  let view = first.value;
  const parts = view.more?.parts ?? [];
  const asked: Array<Promise<Result<ViewPart>>> = [];
  const ask = (k: number) => {
    if (k < parts.length) asked[k] = forge.invoke('getRoadmapViewPart', { revision: first.value.revision, ...parts[k] }, context) as Promise<Result<ViewPart>>;
  };
  for (let k = 0; k < IN_FLIGHT; k++) ask(k);
  for (let k = 0; k < parts.length; k++) {
    const part = await asked[k];
    ask(k + IN_FLIGHT);
    sizes.push(Buffer.byteLength(JSON.stringify(part)));
    if (!part.ok) throw new Error(part.error.message);
    const merged = withViewPart(view, part.value);
    if (!merged) throw new Error('a part did not merge');
    view = merged;
  }
  if (view.more || view.initiatives.length === 0) throw new Error('the view did not load whole');
  return { invokes: sizes.length, largest: Math.max(...sizes), total: sizes.reduce((a, b) => a + b, 0), firstMs, wholeMs: performance.now() - started };
}

/** KVS / Jira round trips of the first answer and of the heaviest part, invoked one at a time so the counts are exact. */
async function roundTrips(forge: LocalForge): Promise<string> {
  const count = async (key: string, payload: unknown) => {
    forge.kvs.resetStats();
    forge.jira.resetStats();
    await forge.invoke(key, payload, context);
    return { kvs: forge.kvs.stats.totalCalls, jira: forge.jira.totalCalls };
  };
  const first = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
  if (!first.ok) throw new Error(first.error.message);
  const view = await count('getRoadmapView', {});
  // One at a time: the emulators count calls per process, not per invoke.
  const parts: Array<{ kvs: number; jira: number }> = [];
  for (const range of first.value.more?.parts ?? []) parts.push(await count('getRoadmapViewPart', { revision: first.value.revision, ...range }));
  const part = parts.reduce((worst, p) => (p.kvs + p.jira > worst.kvs + worst.jira ? p : worst), { kvs: 0, jira: 0 });
  return parts.length === 0 ? `${view.kvs} / ${view.jira}` : `${view.kvs} / ${view.jira}; each part ≤ ${part.kvs} / ${part.jira}`;
}

async function measure(size: number, worstCase: boolean): Promise<{ load: Load; trips: string }> {
  const forge = new LocalForge({ now: () => NOW });
  try {
    await storeLargeRoadmap(forge.deps.store, largeRoadmap(PROJECT.id, size, { worstCase, now: NOW }), NOW);
    await load(forge); // warm-up, not counted
    const loads: Load[] = [];
    for (let run = 0; run < RUNS; run++) loads.push(await load(forge));
    const trips = await roundTrips(forge);
    return { load: { ...loads[0], firstMs: median(loads.map((l) => l.firstMs)), wholeMs: median(loads.map((l) => l.wholeMs)) }, trips };
  } finally {
    forge.close();
  }
}

export const PAGED_HEADER = [
  '| roadmap | debt items | invokes | largest answer | total bytes | KVS / Jira round trips per invoke | first answer (paint) | ÷ 100 | whole view | ÷ 100 |',
  '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
];

export async function pagedViewBench(): Promise<string[]> {
  const cases: Array<[number, boolean]> = [
    [100, false],
    [1000, true],
    [5000, true],
    [5000, false],
  ];
  const rows: string[] = [];
  let base = 0;
  for (const [size, worstCase] of cases) {
    const { load: l, trips } = await measure(size, worstCase);
    if (base === 0) base = l.firstMs;
    const debt = worstCase ? Math.min(1000, Math.ceil(size / 5)) : 0;
    rows.push(
      `| ${size.toLocaleString('en-US')} ${worstCase ? 'worst case' : 'typical'} | ${debt.toLocaleString('en-US')} | ${l.invokes} | ${mib(l.largest)} | ${mib(l.total)} | ${trips} | ${l.firstMs.toFixed(0)} ms | ${(l.firstMs / base).toFixed(1)} | ${l.wholeMs.toFixed(0)} ms | ${(l.wholeMs / base).toFixed(1)} |`,
    );
  }
  return rows;
}
