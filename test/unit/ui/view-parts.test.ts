/**
 * The client side of the paged view (static/src/shared/data/view-parts.ts): a roadmap too large for one answer is
 * painted from its first page and completed part by part, the cache holding a valid RoadmapView at every step and,
 * at the end, exactly the whole view. Answers come from the real resolvers on the local Forge.
 */
import type { QueryClient } from '@tanstack/react-query';
import { largeRoadmap, storeLargeRoadmap } from '../../../dev/fixtures/large-roadmap';
import { DEMO_USERS } from '../../../dev/jira';
import { LocalForge } from '../../../dev/local-forge';
import type { Result, RoadmapView } from '../../../src/domain/api';
import type { ViewPart } from '../../../src/domain/view-pages';
import { withoutHiddenEpics } from '../../../src/resolvers/hidden-epics';
import { toRoadmapView } from '../../../src/resolvers/view';
import { QUERY_KEYS } from '../../../static/src/shared/data/keys';
import { createQueryClient } from '../../../static/src/shared/data/query-client';
import { ensureViewParts, type FetchViewPart, keepLoadedView, PARTS_IN_FLIGHT } from '../../../static/src/shared/data/view-parts';
import { exemptFromInvariants } from '../../integration/support/harness';

const NOW = new Date('2026-11-23T12:00:00Z');
const context = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

let forge: LocalForge;
beforeAll(async () => {
  forge = new LocalForge({ now: () => NOW });
  exemptFromInvariants(forge, 'the large-roadmap fixture stores worst-case initiatives straight through the store, without epic index entries');
  // 1,500 worst-case initiatives and 300 debt items: ≈ 12 MB of view, a first page and two parts.
  await storeLargeRoadmap(forge.deps.store, largeRoadmap('10000', 1500, { worstCase: true, now: NOW }), NOW);
}, 60_000);
afterAll(() => forge.close());

const invoke = async <T>(key: string, payload: unknown) => (await forge.invoke(key, payload, context)) as Result<T>;
async function firstPage(): Promise<RoadmapView> {
  const answer = await invoke<RoadmapView>('getRoadmapView', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}
/** The whole view, as one answer would be if Forge allowed it. */
async function wholeView(first: RoadmapView): Promise<RoadmapView> {
  const stored = (await forge.deps.store.load('10000'))!;
  return withoutHiddenEpics(toRoadmapView(stored, { project: first.project, ...first.permissions }, NOW), new Set());
}

/** A client whose cache holds the first page, as useRoadmapViewQuery leaves it. */
function cacheWith(view: RoadmapView): QueryClient {
  const client = createQueryClient();
  client.setQueryData(QUERY_KEYS.view, view);
  return client;
}

/** Part requests through the real resolver, counting how many are in flight at once. */
function realParts(): { fetch: FetchViewPart; peak: () => number; asked: () => number } {
  let inFlight = 0;
  let peak = 0;
  let asked = 0;
  const fetch: FetchViewPart = async (request) => {
    asked += 1;
    peak = Math.max(peak, ++inFlight);
    try {
      return await invoke<ViewPart>('getRoadmapViewPart', request);
    } finally {
      inFlight -= 1;
    }
  };
  return { fetch, peak: () => peak, asked: () => asked };
}

describe('loading the rest of a paged view', () => {
  it('merges every part in order, the cache always a valid view, ending deep-equal to the one-answer view', async () => {
    const first = await firstPage();
    expect(first.more?.parts.length).toBeGreaterThanOrEqual(2);
    const client = cacheWith(first);
    const seen: RoadmapView[] = [];
    const unsubscribe = client.getQueryCache().subscribe(() => {
      const view = client.getQueryData<RoadmapView>(QUERY_KEYS.view);
      if (view && seen.at(-1) !== view) seen.push(view);
    });
    const parts = realParts();
    await ensureViewParts(client, parts.fetch);
    unsubscribe();
    const whole = await wholeView(first);
    expect(client.getQueryData(QUERY_KEYS.view)).toEqual(whole);
    expect(parts.asked()).toBe(first.more!.parts.length);
    expect(parts.peak()).toBeLessThanOrEqual(PARTS_IN_FLIGHT);
    // Every intermediate view is a prefix of the whole one, in order, its `more` saying what is left.
    for (const view of seen) {
      expect(view.initiatives.map((i) => i.id)).toEqual(whole.initiatives.slice(0, view.initiatives.length).map((i) => i.id));
      expect(view.debtItems.map((d) => d.id)).toEqual(whole.debtItems.slice(0, view.debtItems.length).map((d) => d.id));
      if (view.more) expect(view.more.parts[0]?.initiatives[0]).toBe(view.initiatives.length);
    }
    expect(seen.at(-1)?.more).toBeUndefined();
  }, 60_000);

  it('starts over when a part answers that the roadmap changed (a write landed on the server)', async () => {
    const first = await firstPage();
    const write = await invoke('updateDebtItem', { baseRevision: first.revision, debtId: 'D-1', patch: { urgency: 1 } });
    expect(write).toMatchObject({ ok: true });
    const client = cacheWith(first);
    const invalidate = jest.spyOn(client, 'invalidateQueries');
    await ensureViewParts(client, realParts().fetch);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: QUERY_KEYS.view });
    // Nothing of the stale revision was merged: the cache still holds the (valid) first page.
    expect(client.getQueryData(QUERY_KEYS.view)).toBe(first);
  }, 60_000);

  it('starts over, asking nothing, when a write moved the cached view to another revision while parts were missing', async () => {
    const first = await firstPage();
    const client = cacheWith({ ...first, revision: first.revision + 1 });
    const invalidate = jest.spyOn(client, 'invalidateQueries');
    const parts = realParts();
    expect(ensureViewParts(client, parts.fetch)).toBeNull();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: QUERY_KEYS.view });
    expect(parts.asked()).toBe(0);
  }, 60_000);

  it('stops merging when a write replaced the view mid-way, and the next call restarts for the new revision', async () => {
    const first = await firstPage();
    const client = cacheWith(first);
    const invalidate = jest.spyOn(client, 'invalidateQueries');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: FetchViewPart = async (request) => {
      await gate;
      return invoke<ViewPart>('getRoadmapViewPart', request);
    };
    const loading = ensureViewParts(client, slow);
    // A delta lands on the partial view (helper B's applyViewDelta keeps `more`, the revision moves).
    const moved = { ...first, revision: first.revision + 1 };
    client.setQueryData(QUERY_KEYS.view, moved);
    expect(ensureViewParts(client, slow)).toBeNull();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: QUERY_KEYS.view });
    release();
    await loading;
    expect(client.getQueryData(QUERY_KEYS.view)).toEqual(moved);
  }, 60_000);

  it('shows a part that failed for another reason, without retrying in a loop', async () => {
    const first = await firstPage();
    const client = cacheWith(first);
    let asked = 0;
    const failing: FetchViewPart = () => {
      asked += 1;
      return Promise.resolve({ ok: false, error: { code: 'UPSTREAM', message: 'Forge storage is busy' } });
    };
    await ensureViewParts(client, failing);
    const shown = client.getQueryData<RoadmapView>(QUERY_KEYS.view)!;
    expect(shown.more?.failed).toEqual({ code: 'UPSTREAM', message: 'Forge storage is busy' });
    expect(shown.initiatives).toEqual(first.initiatives);
    expect(ensureViewParts(client, failing)).toBeNull();
    expect(asked).toBeLessThanOrEqual(PARTS_IN_FLIGHT);
  }, 60_000);

  it('keeps a whole view when a background refetch of the same revision answers its first page again', async () => {
    const first = await firstPage();
    const whole = await wholeView(first);
    expect(keepLoadedView(whole, first)).toBe(whole);
    expect(keepLoadedView(first, whole)).toBe(whole);
    const newer = { ...first, revision: first.revision + 1, more: { ...first.more!, revision: first.revision + 1 } };
    expect(keepLoadedView(whole, newer)).toBe(newer);
    expect(keepLoadedView(undefined, first)).toBe(first);
  }, 60_000);
});
