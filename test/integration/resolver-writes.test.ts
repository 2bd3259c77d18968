import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { ChangelogPage, EpicContext, EpicWriteResult, MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { answeredView } from './support/answered-view';

const TR = DEMO_PROJECTS.TR;
const NOW = new Date('2026-11-23T12:00:00Z');
const as = (user: keyof typeof DEMO_USERS) => ({
  accountId: DEMO_USERS[user].accountId,
  extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } },
});

describe('write resolvers: edit → one atomic commit → the fresh view and a changelog entry', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = new LocalForge({ now: () => NOW });
    await seedDemoRoadmap(forge);
  });
  afterEach(() => forge.close());

  const invoke = async <T>(key: string, payload: unknown, user: keyof typeof DEMO_USERS = 'member') =>
    (await forge.invoke(key, payload, as(user))) as Result<T>;
  const ok = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
    return result.value;
  };
  const revision = async () => ok(await invoke<RoadmapView>('getRoadmapView', {})).revision;
  /** The view a write's answer leaves the member with (its delta checked against a fresh fetch). */
  const seen = (answer: MutationResult) => answeredView(answer, async () => ok(await invoke<RoadmapView>('getRoadmapView', {})));

  it('moving an initiative needs a reason, and the reason lands in the changelog', async () => {
    const base = await revision();
    const noReason = await invoke<MutationResult>('updateInitiative', { baseRevision: base, initiativeId: 'I-1', patch: { targetQuarter: '2027-Q2' } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reason: expect.any(String) } } });
    const nowhere = await invoke<MutationResult>('moveInitiative', { baseRevision: base, initiativeId: 'I-1', to: { phaseId: 'P-1' }, reason: 'Same place' });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { to: expect.any(String) } } });
    const unknownPhase = await invoke<MutationResult>('moveInitiative', { baseRevision: base, initiativeId: 'I-1', to: { phaseId: 'P-9' }, reason: 'Why not' });
    expect(unknownPhase).toMatchObject({ ok: false, error: { fields: { 'to.phaseId': 'Unknown phase' } } });
    const moved = ok(
      await invoke<MutationResult>('moveInitiative', {
        baseRevision: base,
        initiativeId: 'I-1',
        to: { targetQuarter: '2027-Q2' },
        reason: 'Waiting on the platform team',
      }),
    );
    expect(moved.delta!.initiatives.upsert.find((i) => i.id === 'I-1')).toMatchObject({ targetQuarter: '2027-Q2', horizon: 'later' });
    const log = ok(await invoke<ChangelogPage>('getChangelog', { limit: 1 }, 'outsider'));
    expect(log.changes[0]).toMatchObject({ revision: base + 1, reason: 'Waiting on the platform team', accountId: DEMO_USERS.member.accountId });
  });

  it('a stale write is refused with CONFLICT naming what changed since', async () => {
    const base = await revision();
    ok(await invoke<MutationResult>('updateInitiative', { baseRevision: base, initiativeId: 'I-4', patch: { goal: 'Cut origin load in half' } }, 'admin'));
    const stale = await invoke<MutationResult>('markReviewed', { baseRevision: base });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!stale.ok)
      expect(stale.error.message).toBe(
        `The roadmap changed since you loaded it (revision ${base}): r${base + 1} Updated "Implement CDN for static assets". Reload and try again.`,
      );
  });

  it('a patch changes only the fields it names', async () => {
    const before = ok(await invoke<RoadmapView>('getRoadmapView', {}));
    const original = before.initiatives.find((i) => i.id === 'I-3')!;
    const result = ok(
      await invoke<MutationResult>('updateInitiative', { baseRevision: before.revision, initiativeId: 'I-3', patch: { goal: 'Handle 4x read traffic' } }),
    );
    const after = result.delta!.initiatives.upsert.find((i) => i.id === 'I-3')!;
    expect(after).toEqual({ ...original, goal: 'Handle 4x read traffic', revision: original.revision + 1, updatedAt: NOW.toISOString() });
    expect(result.change.diffs).toEqual([{ entity: 'initiative', id: 'I-3', field: 'goal', before: original.goal, after: 'Handle 4x read traffic' }]);
  });

  it('pages the changelog newest first with a cursor', async () => {
    let base = await revision();
    for (const goal of ['a', 'b', 'c'])
      base = ok(await invoke<MutationResult>('updateInitiative', { baseRevision: base, initiativeId: 'I-2', patch: { goal } })).revision;
    const first = ok(await invoke<ChangelogPage>('getChangelog', { limit: 2 }));
    expect(first.changes.map((c) => c.revision)).toEqual([base, base - 1]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = ok(await invoke<ChangelogPage>('getChangelog', { limit: 2, cursor: first.nextCursor }));
    expect(second.changes.map((c) => c.revision)).toEqual([base - 2, base - 3]);
    const bogus = await invoke<ChangelogPage>('getChangelog', { limit: 2, cursor: 'not-a-cursor' });
    expect(bogus).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('links and unlinks epics through updates, keeping the epic index in step', async () => {
    const base = await revision();
    const epic = DEMO_EPICS.find((e) => e.key === 'TR-28')!;
    const linked = ok(await invoke<MutationResult>('updateInitiative', { baseRevision: base, initiativeId: 'I-2', patch: {}, epicKeys: ['TR-28'] }));
    expect(linked.delta!.initiatives.upsert.find((i) => i.id === 'I-2')!.epicIds).toContain(epic.id);
    expect(await forge.deps.store.getEpicLinks(epic.id)).toEqual([{ issueId: epic.id, projectId: TR.id, initiativeId: 'I-2' }]);
    const taken = await invoke<MutationResult>('updateInitiative', { baseRevision: linked.revision, initiativeId: 'I-3', patch: {}, epicKeys: ['TR-28'] });
    expect(taken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'epicKeys.0': expect.stringContaining('TR-28 already serves I-2') } } });
    // Raw ids take the same check: one initiative per epic on a roadmap.
    const takenById = await invoke<MutationResult>('updateInitiative', { baseRevision: linked.revision, initiativeId: 'I-3', patch: { epicIds: [epic.id] } });
    expect(takenById).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining(`Epic ${epic.id} already serves initiative I-2`) },
    });
    const current = linked.delta!.initiatives.upsert.find((i) => i.id === 'I-2')!.epicIds;
    const unlinked = ok(
      await invoke<MutationResult>('updateInitiative', {
        baseRevision: linked.revision,
        initiativeId: 'I-2',
        patch: { epicIds: current.filter((id) => id !== epic.id) },
      }),
    );
    expect(unlinked.delta!.initiatives.upsert.find((i) => i.id === 'I-2')!.epicIds).not.toContain(epic.id);
    expect(await forge.deps.store.getEpicLinks(epic.id)).toEqual([]);
    const deleted = ok(await invoke<MutationResult>('deleteInitiative', { baseRevision: unlinked.revision, initiativeId: 'I-1', reason: 'Merged into I-2' }));
    expect(deleted.delta!.initiatives.remove).toEqual(['I-1']);
    expect((await seen(deleted)).initiatives.map((i) => i.id)).not.toContain('I-1');
    expect(await forge.deps.store.getEpicLinks(DEMO_EPICS.find((e) => e.key === 'TR-1')!.id)).toEqual([]);
  });

  it('the issue panel offers editors the initiatives to link its epic to, and links and unlinks it', async () => {
    const epic = DEMO_EPICS.find((e) => e.key === 'TR-32')!;
    const panel = (user: keyof typeof DEMO_USERS) => ({
      accountId: DEMO_USERS[user].accountId,
      extension: { type: 'jira:issueContext', project: { id: TR.id, key: TR.key }, issue: { id: epic.id, key: epic.key, type: 'Epic' } },
    });
    const context = ok((await forge.invoke('getEpicContext', {}, panel('member'))) as Result<EpicContext>);
    expect(context.links).toEqual([]);
    expect(context.linking?.initiatives.map((i) => i.title)).toContain('Centralize logging');
    expect(context.linking?.initiatives[0]).toEqual({ id: 'I-1', title: 'Upgrade Node.js to v22 LTS', phaseName: 'Foundation', horizon: 'now' });
    const readOnly = ok((await forge.invoke('getEpicContext', {}, panel('outsider'))) as Result<EpicContext>);
    expect(readOnly.linking).toBeNull();
    expect(await forge.invoke('linkEpic', { baseRevision: context.linking!.revision, initiativeId: 'I-2' }, panel('outsider'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const linked = ok(
      (await forge.invoke('linkEpic', { baseRevision: context.linking!.revision, initiativeId: 'I-2' }, panel('member'))) as Result<MutationResult>,
    );
    expect(linked.delta!.initiatives.upsert.find((i) => i.id === 'I-2')!.epicIds).toContain(epic.id);
    const after = ok((await forge.invoke('getEpicContext', {}, panel('outsider'))) as Result<EpicContext>);
    expect(after.links.map((l) => l.initiative.title)).toEqual(['Centralize logging']);
    expect(await forge.invoke('linkEpic', { baseRevision: linked.revision, initiativeId: 'I-3' }, panel('member'))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const unlinked = ok(
      (await forge.invoke(
        'unlinkEpic',
        { baseRevision: linked.revision, reason: 'Tracing moved to the platform team' },
        panel('member'),
      )) as Result<MutationResult>,
    );
    expect(unlinked.change).toMatchObject({ reason: 'Tracing moved to the platform team', diffs: [expect.objectContaining({ id: 'I-2', field: 'epicIds' })] });
    expect(await forge.deps.store.getEpicLinks(epic.id)).toEqual([]);
    const story = forge.jira.data.issues.find((i) => i.projectId === TR.id && i.issueType === 'Story')!;
    const onStory = await forge.invoke(
      'linkEpic',
      { baseRevision: unlinked.revision, initiativeId: 'I-2' },
      { ...panel('member'), extension: { ...panel('member').extension, issue: { id: story.id, key: story.key, type: 'Story' } } },
    );
    expect(onStory).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('only epics') } });
  });

  it('an epic may serve one initiative on each of several roadmaps; the panel shows only the roadmaps the viewer can browse', async () => {
    const epic = DEMO_EPICS.find((e) => e.key === 'TR-32')!;
    const panel = (user: keyof typeof DEMO_USERS) => ({
      accountId: DEMO_USERS[user].accountId,
      extension: { type: 'jira:issueContext', project: { id: TR.id, key: TR.key }, issue: { id: epic.id, key: epic.key, type: 'Epic' } },
    });
    // PAY's roadmap tracks TR's platform epic too (its admin can see both projects).
    const payPage = { accountId: DEMO_USERS.admin.accountId, extension: { type: 'jira:projectPage', project: { id: '10001', key: 'PAY' } } };
    const pay = ok((await forge.invoke('startRoadmap', { withExamples: true }, payPage)) as Result<RoadmapView>);
    ok(
      (await forge.invoke(
        'updateInitiative',
        { baseRevision: pay.revision, initiativeId: 'I-1', patch: {}, epicKeys: [epic.key] },
        payPage,
      )) as Result<MutationResult>,
    );

    // The outsider cannot browse PAY: for them the epic is simply not linked, and TR's editors may still link it.
    const asOutsider = ok((await forge.invoke('getEpicContext', {}, panel('outsider'))) as Result<EpicContext>);
    expect(asOutsider).toMatchObject({ links: [], linking: null });
    const asTrEditor = ok((await forge.invoke('getEpicContext', {}, panel('trEditor'))) as Result<EpicContext>);
    expect(asTrEditor.links).toEqual([]);
    expect(asTrEditor.linking?.initiatives.length).toBeGreaterThan(0);
    const asMember = ok((await forge.invoke('getEpicContext', {}, panel('member'))) as Result<EpicContext>);
    expect(asMember.links.map((l) => l.project.key)).toEqual(['PAY']);

    // TR links it as well: both links live side by side in the index.
    const linked = ok(
      (await forge.invoke('linkEpic', { baseRevision: asTrEditor.linking!.revision, initiativeId: 'I-3' }, panel('trEditor'))) as Result<MutationResult>,
    );
    expect(linked.delta!.initiatives.upsert.find((i) => i.id === 'I-3')!.epicIds).toContain(epic.id);
    const links = await forge.deps.store.getEpicLinks(epic.id);
    expect(links.sort((a, b) => a.projectId.localeCompare(b.projectId))).toEqual([
      { issueId: epic.id, projectId: TR.id, initiativeId: 'I-3' },
      { issueId: epic.id, projectId: '10001', initiativeId: 'I-1' },
    ]);
    const both = ok((await forge.invoke('getEpicContext', {}, panel('member'))) as Result<EpicContext>);
    expect(both.links.map((l) => l.project.key)).toEqual(['TR', 'PAY']);
    const trOnly = ok((await forge.invoke('getEpicContext', {}, panel('trEditor'))) as Result<EpicContext>);
    expect(trOnly.links.map((l) => l.project.key)).toEqual(['TR']);
    // The link answers with the panel as the linker now sees it (one invoke per write): no hint of PAY's link.
    expect((linked as EpicWriteResult).epicContext).toEqual(trOnly);

    // Unlinking from PAY leaves TR's link alone; the TR-only editor cannot unlink PAY's (same answer as "not linked").
    const refused = await forge.invoke('unlinkEpic', { baseRevision: 1, projectId: '10001' }, panel('trEditor'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const payLink = both.links.find((l) => l.project.key === 'PAY')!;
    const unlinked = ok(
      (await forge.invoke(
        'unlinkEpic',
        { baseRevision: payLink.unlink!.revision, projectId: '10001', reason: 'PAY stops tracking it' },
        panel('member'),
      )) as Result<EpicWriteResult>,
    );
    expect(await forge.deps.store.getEpicLinks(epic.id)).toEqual([{ issueId: epic.id, projectId: TR.id, initiativeId: 'I-3' }]);
    expect(unlinked.epicContext).toEqual(ok((await forge.invoke('getEpicContext', {}, panel('member'))) as Result<EpicContext>));
    expect(unlinked.epicContext?.links.map((l) => l.project.key)).toEqual(['TR']);
  });

  it('phases, debt items, settings and reviews all go through the same path', async () => {
    let base = await revision();
    base = ok(
      await invoke<MutationResult>('createPhase', {
        baseRevision: base,
        phase: { name: 'Resilience', theme: 'Survive a region outage', startQuarter: '2027-Q3', endQuarter: '2027-Q4', description: '' },
      }),
    ).revision;
    const debt = ok(
      await invoke<MutationResult>('createDebtItem', {
        baseRevision: base,
        item: { title: 'Single-AZ database', category: 'scaling-bottleneck', impact: 5, urgency: 4, effort: 8 },
      }),
    );
    expect((await seen(debt)).debtItems).toEqual([expect.objectContaining({ id: 'D-1', title: 'Single-AZ database', promotedTo: null })]);
    const promoted = ok(
      await invoke<MutationResult>('promoteDebtItem', {
        baseRevision: debt.revision,
        debtId: 'D-1',
        initiative: { phaseId: 'P-4', targetQuarter: '2027-Q3', successMetric: { description: 'Survives losing one AZ' } },
      }),
    );
    expect(promoted.delta!.initiatives.upsert.find((i) => i.fromDebtId === 'D-1')).toMatchObject({
      title: 'Single-AZ database',
      phaseId: 'P-4',
      track: 'reliability',
    });
    const forbidden = await invoke<MutationResult>('saveSettings', { baseRevision: promoted.revision, settings: { reviewCadenceDays: 14 } });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const partial = await invoke<MutationResult>('saveSettings', { baseRevision: promoted.revision, settings: { capacity: { perQuarter: 80 } } }, 'admin');
    expect(partial).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'settings.capacity.unit': expect.any(String), 'settings.capacity.bufferPercent': expect.any(String) } },
    });
    const settings = ok(
      await invoke<MutationResult>(
        'saveSettings',
        { baseRevision: promoted.revision, settings: { reviewCadenceDays: 14, capacity: { perQuarter: 80, unit: 'person-weeks', bufferPercent: 20 } } },
        'admin',
      ),
    );
    expect(settings.delta).toMatchObject({ reviewCadenceDays: 14, capacity: { perQuarter: 80, bufferPercent: 20 } });
    const reviewed = ok(await invoke<MutationResult>('markReviewed', { baseRevision: settings.revision, note: 'November review' }));
    expect(reviewed.delta!.lastReviewedAt).toBe(NOW.toISOString());
    const stale = await invoke<MutationResult>('markReviewed', { baseRevision: settings.revision });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
