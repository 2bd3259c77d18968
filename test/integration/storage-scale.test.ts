import { largeRoadmap, storeLargeRoadmap } from '../../dev/fixtures/large-roadmap';
import { LocalForge } from '../../dev/local-forge';
import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { deletePhase } from '../../src/domain/edits/phases';
import { AppError } from '../../src/domain/errors';
import { roadmapHealth } from '../../src/domain/rules/health';
import { healthOfView } from '../../src/domain/view-health';
import { MAX_RESPONSE_BYTES } from '../../src/resolvers/define';
import { MAX_VALUE_BYTES } from '../../src/storage/kvs-roadmap-store';
import { exemptFromInvariants } from './support/invariant-tracking';

const PROJECT = '10000';
const WORST_CASE_FIXTURE =
  'the large-roadmap fixture stores worst-case initiatives straight through the store, without epic index entries (their epic ids are made up), to measure value and response sizes';
const NOW = new Date('2026-11-23T12:00:00Z');

describe('storage layout at scale (real @forge/kvs against the emulator)', () => {
  let forge: LocalForge;
  beforeEach(() => {
    forge = new LocalForge({ now: () => NOW });
  });
  afterEach(() => forge.close());

  it('loads a 1,000-initiative roadmap in at most 4 storage round trips', async () => {
    await storeLargeRoadmap(forge.deps.store, largeRoadmap(PROJECT, 1000));
    forge.kvs.resetStats();
    const loaded = await forge.deps.store.load(PROJECT);
    expect(loaded?.initiatives).toHaveLength(1000);
    expect(loaded?.initiatives[999].title).toBe('Initiative 1000');
    expect(forge.kvs.stats.totalCalls).toBeLessThanOrEqual(4);
  });

  it('never stores more than 240 KiB in one value, even with 5,000 worst-case initiatives', async () => {
    exemptFromInvariants(forge, WORST_CASE_FIXTURE);
    const target = largeRoadmap(PROJECT, 5000, { worstCase: true });
    await storeLargeRoadmap(forge.deps.store, target);
    expect(forge.kvs.largestValueBytes).toBeGreaterThan(100 * 1024);
    expect(forge.kvs.largestValueBytes).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    forge.kvs.resetStats();
    const loaded = await forge.deps.store.load(PROJECT);
    expect(loaded?.initiatives).toHaveLength(5000);
    expect(loaded?.initiatives[4999]).toEqual(target.initiatives[4999]);
    expect(forge.kvs.stats.totalCalls).toBeLessThanOrEqual(4);
  }, 60_000);

  it('refuses an edit that would touch more records than one transaction holds, and stores nothing', async () => {
    await storeLargeRoadmap(forge.deps.store, largeRoadmap(PROJECT, 1000));
    const before = await forge.deps.store.load(PROJECT);
    // Deleting a phase moves a third of the initiatives, spread over every chunk: far over 25 operations.
    const edit = deletePhase(before!, 'P-1', 'P-2', { accountId: null, now: NOW }, 'Merging phases');
    const writes = forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
    const attempt = forge.deps.store.commit(PROJECT, {
      baseRevision: before!.meta.revision,
      roadmap: edit.roadmap,
      touched: edit.touched,
      change: edit.change,
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'LIMIT' });
    expect(forge.kvs.stats.calls['/api/v1/transaction'] ?? 0).toBe(writes);
    expect(await forge.deps.store.load(PROJECT)).toEqual(before);
  });
});

describe('views of large roadmaps stay inside the invoke limits', () => {
  const context = { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: { id: PROJECT, key: 'TR' } } };
  let forge: LocalForge;
  beforeEach(() => {
    forge = new LocalForge({ now: () => NOW });
  });
  afterEach(() => forge.close());

  it('a 5,000-initiative view fits one invoke, and health derived from it equals health of the stored roadmap', async () => {
    const target = largeRoadmap(PROJECT, 5000);
    await storeLargeRoadmap(forge.deps.store, target);
    const view = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    expect(view.value.initiatives).toHaveLength(5000);
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(MAX_RESPONSE_BYTES);
    const stored = await forge.deps.store.load(PROJECT);
    expect(healthOfView(view.value, NOW)).toEqual(roadmapHealth(stored!, NOW));
  }, 60_000);

  it('a view that would exceed 5 MB comes as a first page under the limit (the rest in parts), instead of failing on the platform', async () => {
    exemptFromInvariants(forge, WORST_CASE_FIXTURE);
    await storeLargeRoadmap(forge.deps.store, largeRoadmap(PROJECT, 1000, { worstCase: true }));
    const view = (await forge.invoke('getRoadmapView', {}, context)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThan(MAX_RESPONSE_BYTES);
    expect(view.value.more?.total).toEqual({ initiatives: 1000, debtItems: 200 });
    expect(view.value.initiatives.length).toBeLessThan(1000);

    // A write still lands and says so, answering with what changed (one initiative), not the view that would not fit.
    const stored = await forge.deps.store.load(PROJECT);
    const moved = (await forge.invoke(
      'moveInitiative',
      { baseRevision: stored!.meta.revision, initiativeId: 'I-500', to: { targetQuarter: '2028-Q1' }, reason: 'Scale test' },
      context,
    )) as Result<MutationResult>;
    expect(moved).toMatchObject({
      ok: true,
      value: {
        revision: stored!.meta.revision + 1,
        delta: {
          baseRevision: stored!.meta.revision,
          revision: stored!.meta.revision + 1,
          initiatives: { upsert: [{ id: 'I-500', targetQuarter: '2028-Q1' }], remove: [] },
        },
      },
    });
    expect(Buffer.byteLength(JSON.stringify(moved), 'utf8')).toBeLessThan(50 * 1024);
    expect((await forge.deps.store.load(PROJECT))!.initiatives.find((i) => i.id === 'I-500')?.targetQuarter).toBe('2028-Q1');
  }, 60_000);
});
