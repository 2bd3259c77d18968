/**
 * The largest valid roadmap (5,000 initiatives and 1,000 debt items, every text at its limit: ≈ 38 MB of view JSON)
 * through the real resolvers: getRoadmapView answers its first page, getRoadmapViewPart the rest, every answer under
 * Forge's 5 MB, and the pages put together are exactly the view computed in-process — for each caller, as they may
 * see it (epics of projects they cannot browse never appear).
 */
import { largeRoadmap, storeLargeRoadmap } from '../../dev/fixtures/large-roadmap';
import { LocalForge } from '../../dev/local-forge';
import type { MacroPreview, Result, RoadmapView } from '../../src/domain/api';
import type { Roadmap } from '../../src/domain/model';
import { VIEW_PAGE_BYTES, type ViewPart, withViewPart } from '../../src/domain/view-pages';
import { MAX_RESPONSE_BYTES } from '../../src/resolvers/define';
import { withoutHiddenEpics } from '../../src/resolvers/hidden-epics';
import { toRoadmapView } from '../../src/resolvers/view';
import { call, exemptFromInvariants, macro, mustCall, NOW, PAY, projectPage, TR, type UserName } from './support/harness';

const WORST_CASE_FIXTURE =
  'the large-roadmap fixture stores worst-case initiatives straight through the store, without epic index entries (their epic ids are made up), to measure response sizes';
const bytes = (answer: unknown) => Buffer.byteLength(JSON.stringify(answer));

/** Two epics of the worst case said to live in PAY, which the outsider cannot browse: one on a first-page initiative, one on the last. */
const FOREIGN = { first: '' as string, last: '' as string };

let forge: LocalForge;
let stored: Roadmap;

beforeAll(async () => {
  forge = new LocalForge({ now: () => NOW });
  exemptFromInvariants(forge, WORST_CASE_FIXTURE);
  const target = largeRoadmap(TR.id, 5000, { worstCase: true, now: NOW });
  FOREIGN.first = target.initiatives[9].epicIds[0];
  FOREIGN.last = target.initiatives[4999].epicIds[3];
  target.meta = { ...target.meta, epicProjects: { [FOREIGN.first]: PAY.id, [FOREIGN.last]: PAY.id } };
  await storeLargeRoadmap(forge.deps.store, target, NOW);
  stored = (await forge.deps.store.load(TR.id))!;
  expect(stored.initiatives).toHaveLength(5000);
  expect(stored.debtItems).toHaveLength(1000);
}, 120_000);
afterAll(() => forge.close());

/** What the client does: the first answer, then every part it lists, merged in order; every raw answer kept. */
async function loadPaged(user: UserName, extension: Record<string, unknown>) {
  const answers: unknown[] = [];
  const first = (await call(forge, 'getRoadmapView', {}, user, extension)) as Result<RoadmapView>;
  answers.push(first);
  if (!first.ok) throw new Error(first.error.message);
  let view = first.value;
  const parts = view.more?.parts ?? [];
  for (const range of parts) {
    const part = (await call(forge, 'getRoadmapViewPart', { revision: view.more!.revision, ...range }, user, extension)) as Result<ViewPart>;
    answers.push(part);
    if (!part.ok) throw new Error(part.error.message);
    const next = withViewPart(view, part.value);
    if (!next) throw new Error('a part did not merge');
    view = next;
  }
  return { first: first.value, view, answers };
}

/** The view computed in-process, as `user` may see it. */
function expectedView(first: RoadmapView, hidden: string[]): RoadmapView {
  const { more: _more, ...shell } = first;
  return withoutHiddenEpics(toRoadmapView(stored, { project: shell.project, ...shell.permissions }, NOW), new Set(hidden));
}

describe('the largest valid roadmap loads in pages, each under 5 MB', () => {
  it('on the project page: a first page with `more`, parts that rebuild the whole view exactly', async () => {
    const { first, view, answers } = await loadPaged('admin', projectPage(TR));
    expect(first.more?.total).toEqual({ initiatives: 5000, debtItems: 1000 });
    expect(first.initiatives.length).toBeGreaterThan(100);
    expect(answers.length).toBeGreaterThanOrEqual(8);
    for (const answer of answers) expect(bytes(answer)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    for (const answer of answers) expect(bytes((answer as { value: unknown }).value)).toBeLessThanOrEqual(VIEW_PAGE_BYTES);
    expect(view.more).toBeUndefined();
    // The admin may browse PAY: its epics stay.
    expect(view).toEqual(expectedView(first, []));
    expect(JSON.stringify(view)).toContain(FOREIGN.last);
  }, 240_000);

  it('in the macro, for a reader who cannot browse the foreign epics: the same paging, those epics in no answer', async () => {
    const { first, view, answers } = await loadPaged('outsider', macro(TR));
    for (const answer of answers) {
      expect(bytes(answer)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
      const text = JSON.stringify(answer);
      expect({ first: text.includes(FOREIGN.first), last: text.includes(FOREIGN.last) }).toEqual({ first: false, last: false });
    }
    expect(first.permissions).toEqual({ canEdit: false, canAdminister: false });
    expect(view).toEqual(expectedView(first, [FOREIGN.first, FOREIGN.last]));
  }, 240_000);

  it('answers callers who may not browse the project exactly as getRoadmapView does', async () => {
    const range = { revision: stored.meta.revision, initiatives: [4000, 4001], debtItems: [0, 0] };
    for (const extension of [projectPage(TR), macro(TR)]) {
      const view = await call(forge, 'getRoadmapView', {}, 'payEditor', extension);
      const part = await call(forge, 'getRoadmapViewPart', range, 'payEditor', extension);
      expect(view).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(part).toEqual(view);
      // A wrong revision tells an outsider nothing either (the access check comes first).
      expect(await call(forge, 'getRoadmapViewPart', { ...range, revision: 1 }, 'payEditor', extension)).toEqual(view);
    }
  }, 120_000);

  it('refuses a range outside the roadmap, and a range too large for one answer with LIMIT (never a > 5 MB answer)', async () => {
    const revision = stored.meta.revision;
    const outside = (await call(
      forge,
      'getRoadmapViewPart',
      { revision, initiatives: [4990, 5001], debtItems: [0, 0] },
      'admin',
      projectPage(TR),
    )) as Result<ViewPart>;
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { initiatives: 'Only 5000 initiatives at this revision' } } });
    const backwards = (await call(
      forge,
      'getRoadmapViewPart',
      { revision, initiatives: [10, 5], debtItems: [0, 0] },
      'admin',
      projectPage(TR),
    )) as Result<ViewPart>;
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const all = (await call(
      forge,
      'getRoadmapViewPart',
      { revision, initiatives: [0, 5000], debtItems: [0, 1000] },
      'admin',
      projectPage(TR),
    )) as Result<ViewPart>;
    expect(all).toMatchObject({ ok: false, error: { code: 'LIMIT', message: expect.stringContaining('smaller range') } });
    expect(bytes(all)).toBeLessThan(1000);
  }, 120_000);

  it('previews the worst case in the macro config: its first page, under 5 MB', async () => {
    const preview = await mustCall<MacroPreview>(forge, 'getMacroPreview', { projectId: TR.id }, 'admin', { type: 'macro' });
    expect(bytes({ ok: true, value: preview })).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(preview.view.more?.total).toEqual({ initiatives: 5000, debtItems: 1000 });
    expect(preview.changes.length).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a part at a stale revision with CONFLICT, so the client starts over', async () => {
    const first = await mustCall<RoadmapView>(forge, 'getRoadmapView', {}, 'admin', projectPage(TR));
    const write = await call(forge, 'updateDebtItem', { baseRevision: first.revision, debtId: 'D-1', patch: { impact: 5 } }, 'admin', projectPage(TR));
    if (!('ok' in write) || !write.ok) throw new Error(`the write failed: ${JSON.stringify(write)}`);
    const stale = (await call(
      forge,
      'getRoadmapViewPart',
      { revision: first.more!.revision, ...first.more!.parts[0] },
      'admin',
      projectPage(TR),
    )) as Result<ViewPart>;
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('load it again') } });
    // Started over at the new revision, the parts come again.
    const again = await mustCall<RoadmapView>(forge, 'getRoadmapView', {}, 'admin', projectPage(TR));
    expect(again.revision).toBe(first.revision + 1);
    const part = await mustCall<ViewPart>(forge, 'getRoadmapViewPart', { revision: again.revision, ...again.more!.parts[0] }, 'admin', projectPage(TR));
    expect(withViewPart(again, part)?.initiatives.length).toBe(again.more!.parts[0].initiatives[1]);
  }, 120_000);
});
