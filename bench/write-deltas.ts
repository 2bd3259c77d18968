/**
 * `BENCH_ONLY=deltas npx tsx bench/run.ts`: what one write answers, before issue 11 (the whole view; `view: null` when
 * over 4.5 MB, and the client then refetched a view that is LIMIT over 5 MB) and now (a delta of what changed), for a
 * move, an update, a create and a delete at 100 / 1,000 / 5,000 typical and worst-case initiatives, through the real
 * resolvers; with each write's KVS and Jira round trips. The old answer's size is computed from the view fetched at
 * the write's revision, as the same user (exactly the view the old answer carried).
 */
import { largeRoadmap, storeLargeRoadmap } from '../dev/fixtures/large-roadmap';
import { DEMO_USERS } from '../dev/jira';
import { LocalForge } from '../dev/local-forge';
import type { MutationResult, Result, RoadmapView } from '../src/domain/api';

const NOW = new Date('2026-11-23T12:00:00Z');
const SIZES = [100, 1000, 5000];
const PROJECT = { id: '10000', key: 'TR' };
const context = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: PROJECT } };
/** What the old answer left for the view inside the 5 MB invoke response. */
const OLD_VIEW_BUDGET = 4.5 * 1024 * 1024;
const MB = 1024 * 1024;

const size = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

export const DELTAS_HEADER = [
  '| initiatives | text | write | before: answer (whole view) | after: answer (delta) | ÷ | KVS / Jira round trips |',
  '| ---: | --- | --- | ---: | ---: | ---: | ---: |',
];

async function viewBytes(forge: LocalForge): Promise<{ bytes: number; refused: boolean }> {
  const view = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
  if (view.ok) return { bytes: bytesOf(view.value), refused: false };
  if (view.error.code !== 'LIMIT') throw new Error(view.error.message);
  return { bytes: Number(/([\d.]+) MB/.exec(view.error.message)?.[1] ?? 0) * MB, refused: true };
}

async function rows(count: number, worstCase: boolean): Promise<string[]> {
  const forge = new LocalForge({ now: () => NOW });
  try {
    await storeLargeRoadmap(forge.deps.store, largeRoadmap(PROJECT.id, count, { worstCase, now: NOW }), NOW);
    let revision = (await forge.deps.store.load(PROJECT.id))!.meta.revision;
    const mid = Math.ceil(count / 2);
    const writes: Array<[string, string, Record<string, unknown>]> = [
      ['move', 'moveInitiative', { initiativeId: `I-${mid}`, to: { targetQuarter: '2028-Q1' }, reason: 'Benchmark move' }],
      ['update', 'updateInitiative', { initiativeId: `I-${mid + 1}`, patch: { goal: worstCase ? '字'.repeat(1000) : 'Benchmark goal' } }],
      // Delete before create: a worst-case roadmap of 5,000 is at the initiative limit.
      ['delete', 'deleteInitiative', { initiativeId: `I-${count}`, reason: 'Benchmark delete' }],
      [
        'create',
        'createInitiative',
        { initiative: { title: 'Benchmark create', phaseId: 'P-1', targetQuarter: '2027-Q2', successMetric: { description: 'Measured' } } },
      ],
    ];
    const out: string[] = [];
    for (const [name, key, payload] of writes) {
      forge.kvs.resetStats();
      forge.jira.resetStats();
      const answer = (await forge.invoke(key, { baseRevision: revision, ...payload }, context)) as Result<MutationResult>;
      const trips = `${forge.kvs.stats.totalCalls} / ${forge.jira.totalCalls}`;
      if (!answer.ok) throw new Error(`${key}: ${answer.error.message}`);
      revision = answer.value.revision;
      const after = bytesOf(answer);
      const view = await viewBytes(forge);
      const { delta: _delta, ...rest } = answer.value;
      // The old answer: the view inline when it fit 4.5 MB, else `view: null` and a refetch (LIMIT over 5 MB).
      const fits = view.bytes <= OLD_VIEW_BUDGET;
      const oldAnswer = bytesOf({ ok: true, value: { ...rest, view: null } }) + (fits ? view.bytes - 4 : 0);
      const before = fits ? size(oldAnswer) : `${size(oldAnswer)} + refetch ${view.refused ? `LIMIT (would be ${size(view.bytes)})` : size(view.bytes)}`;
      const ratio = fits ? `${Math.round(oldAnswer / after).toLocaleString('en-US')}×` : '—';
      out.push(`| ${count.toLocaleString('en-US')} | ${worstCase ? 'worst case' : 'typical'} | ${name} | ${before} | ${size(after)} | ${ratio} | ${trips} |`);
    }
    return out;
  } finally {
    forge.close();
  }
}

export async function writeDeltasBench(): Promise<string[]> {
  const out: string[] = [];
  for (const count of SIZES) {
    out.push(...(await rows(count, false)));
    out.push(...(await rows(count, true)));
  }
  return out;
}
