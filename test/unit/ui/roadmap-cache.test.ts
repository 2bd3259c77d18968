/**
 * The UI's one data layer (static/src/shared/data): what a write answer does to the surface's cache. Views and
 * answers come from the real resolvers on the local Forge, so the shapes are the ones the bridge delivers.
 */
import { QueryClient } from '@tanstack/react-query';
import { seedDemoRoadmap } from '../../../dev/demo-seed';
import { DEMO_USERS } from '../../../dev/jira';
import { LocalForge } from '../../../dev/local-forge';
import type { MutationResult, Result, RoadmapView } from '../../../src/domain/api';
import type { ChangeRecord } from '../../../src/domain/changes';
import { QUERY_KEYS } from '../../../static/src/shared/data/keys';
import { createQueryClient } from '../../../static/src/shared/data/query-client';
import { applyWriteAnswer, type ChangelogData, epicSignature, newerView, showView, withChangeOnTop } from '../../../static/src/shared/data/roadmap-cache';

const context = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

let forge: LocalForge;
beforeEach(async () => {
  forge = new LocalForge();
  await seedDemoRoadmap(forge);
});
afterEach(() => forge.close());

async function invoke<T>(key: string, payload: Record<string, unknown>): Promise<T> {
  const result = (await forge.invoke(key, payload, context)) as Result<T>;
  if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
  return result.value;
}
const getView = () => invoke<RoadmapView>('getRoadmapView', {});
const firstPage = async (): Promise<ChangelogData> => ({
  pages: [await invoke<{ changes: ChangeRecord[]; nextCursor?: string }>('getChangelog', { limit: 10 })],
  pageParams: [undefined],
});
const rename = async (view: RoadmapView, title: string) =>
  invoke<MutationResult>('updateInitiative', { baseRevision: view.revision, initiativeId: view.initiatives[0].id, patch: { title } });

/** A cache as a surface holds it after loading: view, changelog and progress. */
async function loadedCache(): Promise<{ client: QueryClient; view: RoadmapView }> {
  const client = createQueryClient();
  const view = await getView();
  client.setQueryData(QUERY_KEYS.view, view);
  client.setQueryData(QUERY_KEYS.changelog, await firstPage());
  client.setQueryData(QUERY_KEYS.progress, await invoke('getProgress', {}));
  return { client, view };
}
const isStale = (client: QueryClient, key: readonly string[]) => client.getQueryState(key)?.isInvalidated ?? false;

describe('a write answer in the cache', () => {
  it('merges the delta into the view and puts the change on top of the changelog, leaving progress alone when no epic moved', async () => {
    const { client, view } = await loadedCache();
    const answer = await rename(view, 'Centralise logging, everywhere');
    applyWriteAnswer(client, answer);
    expect(client.getQueryData<RoadmapView>(QUERY_KEYS.view)?.revision).toBe(answer.revision);
    expect(client.getQueryData<RoadmapView>(QUERY_KEYS.view)?.initiatives[0].title).toBe('Centralise logging, everywhere');
    // The delta merged into the view shown is exactly what a fresh load shows.
    expect(client.getQueryData<RoadmapView>(QUERY_KEYS.view)).toEqual(await getView());
    const log = client.getQueryData<ChangelogData>(QUERY_KEYS.changelog)!;
    expect(log.pages[0].changes[0]).toEqual(answer.change);
    // What the server now answers for the first page starts the same way.
    expect((await firstPage()).pages[0].changes.slice(0, 2)).toEqual(log.pages[0].changes.slice(0, 2));
    expect(isStale(client, QUERY_KEYS.changelog)).toBe(false);
    expect(isStale(client, QUERY_KEYS.progress)).toBe(false);
  });

  it('marks progress for refetch when the write changed which epics an initiative rolls up', async () => {
    const { client, view } = await loadedCache();
    const linked = view.initiatives.find((i) => i.epicIds.length > 0)!;
    const answer = await invoke<MutationResult>('updateInitiative', { baseRevision: view.revision, initiativeId: linked.id, patch: { epicIds: [] } });
    applyWriteAnswer(client, answer);
    expect(isStale(client, QUERY_KEYS.progress)).toBe(true);
    expect(isStale(client, QUERY_KEYS.view)).toBe(false);
  });

  it('refetches the changelog instead of guessing when someone else wrote in between', async () => {
    const { client, view } = await loadedCache();
    const theirs = await rename(view, 'Someone else’s title');
    const mine = await rename({ ...view, revision: theirs.revision }, 'My title');
    applyWriteAnswer(client, mine);
    // My delta starts from their revision, not the one shown: nothing is merged onto the wrong base; the view is refetched.
    expect(client.getQueryData<RoadmapView>(QUERY_KEYS.view)).toEqual(view);
    expect(isStale(client, QUERY_KEYS.view)).toBe(true);
    expect(isStale(client, QUERY_KEYS.changelog)).toBe(true);
  });

  it('refetches the view when the answer carries no delta (too large to be worth sending)', async () => {
    const { client, view } = await loadedCache();
    const answer = await rename(view, 'Huge');
    applyWriteAnswer(client, { ...answer, delta: null });
    expect(isStale(client, QUERY_KEYS.view)).toBe(true);
    expect(isStale(client, QUERY_KEYS.progress)).toBe(true);
    // The change still goes on top: it is known without the view.
    expect(client.getQueryData<ChangelogData>(QUERY_KEYS.changelog)?.pages[0].changes[0]).toEqual(answer.change);
  });

  it('refetches the view when the surface is still loading it (nothing to merge the delta into)', async () => {
    const client = createQueryClient();
    client.getQueryCache().build(client, { queryKey: QUERY_KEYS.view });
    const answer = await rename(await getView(), 'While loading');
    applyWriteAnswer(client, answer);
    expect(client.getQueryData(QUERY_KEYS.view)).toBeUndefined();
    expect(isStale(client, QUERY_KEYS.view)).toBe(true);
  });

  it('never rolls the page back to an older view, and is idempotent', async () => {
    const { client, view } = await loadedCache();
    const answer = await rename(view, 'Newer');
    applyWriteAnswer(client, answer);
    applyWriteAnswer(client, answer);
    showView(client, view);
    expect(client.getQueryData<RoadmapView>(QUERY_KEYS.view)?.revision).toBe(answer.revision);
    expect(client.getQueryData<ChangelogData>(QUERY_KEYS.changelog)?.pages[0].changes.filter((c) => c.revision === answer.revision)).toHaveLength(1);
    const after = await getView();
    expect(newerView(after, view)).toBe(after);
    expect(newerView(view, after)).toBe(after);
  });
});

describe('a surface that shows no roadmap (the issue panel)', () => {
  it('keeps no view from a write answer, so nothing mistakes it for one on screen', async () => {
    const client = createQueryClient();
    const answer = await rename(await getView(), 'From the panel');
    applyWriteAnswer(client, answer);
    expect(client.getQueryData(QUERY_KEYS.view)).toBeUndefined();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe('pure parts', () => {
  it('the epic signature ignores order and initiatives without epics', async () => {
    const view = await getView();
    const reordered = { ...view, initiatives: [...view.initiatives].reverse().map((i) => ({ ...i, epicIds: [...i.epicIds].reverse() })) };
    expect(epicSignature(reordered)).toBe(epicSignature(view));
    const withEmpty = { ...view, initiatives: [...view.initiatives, { ...view.initiatives[0], id: 'I-999', epicIds: [] }] };
    expect(epicSignature(withEmpty)).toBe(epicSignature(view));
  });

  it('a change goes on top only when it follows the top entry; an empty log has nothing to follow', async () => {
    const log = await firstPage();
    const top = log.pages[0].changes[0];
    const next: ChangeRecord = { ...top, revision: top.revision + 1, summary: 'next' };
    expect(withChangeOnTop(log, next)?.pages[0].changes[0]).toBe(next);
    expect(withChangeOnTop(log, { ...next, revision: top.revision + 2 })).toBeNull();
    expect(withChangeOnTop(log, top)).toBe(log);
    expect(withChangeOnTop({ pages: [], pageParams: [] }, next)).toBeNull();
  });
});
