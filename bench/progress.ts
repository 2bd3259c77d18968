/**
 * `BENCH_ONLY=progress npx tsx bench/run.ts`: epic progress for 100 / 500 / 2,000 linked epics (5 child issues each)
 * through the real resolver, KVS emulator and Jira fake, with latency injected on every Jira request and every KVS
 * call. Requests are counted per endpoint by the fake; times are medians, also given as a ratio to getRoadmapView of
 * the same roadmap measured in the same run (same user, same latencies).
 */
import { performance } from 'node:perf_hooks';
import { addLinkedEpics, storeLinkedEpicsRoadmap } from '../dev/fixtures/linked-epics';
import { DEMO_PROJECTS, DEMO_USERS } from '../dev/jira';
import { LocalForge } from '../dev/local-forge';
import type { Result } from '../src/domain/api';

export const PROGRESS_SIZES = [100, 500, 2000];
export const JIRA_LATENCY_MS = 100;
export const KVS_LATENCY_MS = 10;
const CHILDREN_PER_EPIC = 5;
const RUNS = 3;
const NOW = new Date('2026-11-23T12:00:00Z');
const TR = DEMO_PROJECTS.TR;
const context = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } } };

const ENDPOINTS = {
  bulk: 'POST /rest/api/3/issue/bulkfetch',
  search: 'POST /rest/api/3/search/jql',
  field: 'GET /rest/api/3/field',
  permissions: 'GET /rest/api/3/mypermissions',
  project: 'GET /rest/api/3/project/{projectIdOrKey}',
};

interface Measured {
  ms: number;
  requests: string;
  inFlight: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(forge: LocalForge, key: string, before?: () => Promise<void>, runs = RUNS): Promise<Measured> {
  const samples: number[] = [];
  let requests = '';
  let inFlight = 0;
  for (let run = 0; run < runs; run++) {
    await before?.();
    forge.jira.resetStats();
    const start = performance.now();
    const answer = (await forge.invoke(key, {}, context)) as Result<unknown>;
    samples.push(performance.now() - start);
    if (!answer.ok) throw new Error(`${key}: ${answer.error.message}`);
    const stats = forge.jira.stats;
    const n = (endpoint: string) => stats[endpoint] ?? 0;
    requests = `${n(ENDPOINTS.bulk)} / ${n(ENDPOINTS.search)} / ${n(ENDPOINTS.field)} / ${n(ENDPOINTS.permissions) + n(ENDPOINTS.project)}`;
    inFlight = forge.jira.maxInFlight;
  }
  return { ms: median(samples), requests, inFlight };
}

async function withRoadmap<T>(size: number, options: { jiraMaxInFlight?: number }, fn: (forge: LocalForge) => Promise<T>): Promise<T> {
  const forge = new LocalForge({ now: () => NOW, jiraMaxInFlight: options.jiraMaxInFlight });
  try {
    const ids = addLinkedEpics(forge.jira, { project: TR, count: size, childrenOf: () => CHILDREN_PER_EPIC });
    await storeLinkedEpicsRoadmap(forge, TR, ids, NOW);
    forge.jira.faults.latency(/^\/rest\/api\/3\//, JIRA_LATENCY_MS);
    forge.kvs.faults.latencyMs = KVS_LATENCY_MS;
    return await fn(forge);
  } finally {
    forge.close();
  }
}

/** Markdown rows: | linked epics | read | bulk / search / field / access | in flight | time | ÷ view |. */
export async function progressBench(): Promise<string[]> {
  const rows: string[] = [];
  for (const size of PROGRESS_SIZES) {
    await withRoadmap(size, {}, async (forge) => {
      const view = await timed(forge, 'getRoadmapView');
      // The very first read also lists Jira's fields (the site's story-point field is then cached for an hour).
      const first = await timed(forge, 'getProgress', undefined, 1);
      const cold = await timed(forge, 'getProgress', () => forge.deps.progressCache.bumpEpoch(TR.id, NOW));
      const warm = await timed(forge, 'getProgress');
      const row = (what: string, m: Measured) =>
        `| ${size.toLocaleString('en-US')} | ${what} | ${m.requests} | ${m.inFlight} | ${m.ms.toFixed(0)} ms | ${(m.ms / view.ms).toFixed(2)} |`;
      rows.push(row('getRoadmapView (baseline)', view));
      rows.push(row('progress, first read (one run)', first));
      rows.push(row('progress, cold (after an issue event)', cold));
      rows.push(row('progress, warm (reopened)', warm));
    });
    await withRoadmap(size, { jiraMaxInFlight: 1 }, async (forge) => {
      const view = await timed(forge, 'getRoadmapView');
      await timed(forge, 'getProgress'); // lists the fields once
      const serial = await timed(forge, 'getProgress', () => forge.deps.progressCache.bumpEpoch(TR.id, NOW));
      rows.push(
        `| ${size.toLocaleString('en-US')} | progress, cold, 1 request in flight (for comparison) | ${serial.requests} | ${serial.inFlight} | ${serial.ms.toFixed(0)} ms | ${(serial.ms / view.ms).toFixed(2)} |`,
      );
    });
  }
  return rows;
}

export const PROGRESS_HEADER = [
  `Jira fake latency ${JIRA_LATENCY_MS} ms per request, KVS emulator ${KVS_LATENCY_MS} ms per call; ${CHILDREN_PER_EPIC} child issues per epic; median of ${RUNS}. Requests: bulkfetch / search/jql pages / field list / access check (mypermissions + project).`,
  '',
  '| linked epics | read | Jira requests | most in flight | time | ÷ view |',
  '| ---: | --- | ---: | ---: | ---: | ---: |',
];
