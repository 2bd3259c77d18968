import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_PROJECTS, DEMO_USERS, demoJiraData } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { ExportResult, ImportPreview, MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { SEED_TEXT } from '../support/seed-template';
import { answeredView } from './support/answered-view';
import {
  call,
  FIRST_PAY_EPIC,
  FREE_TR_EPIC,
  FREE_TR_EPIC_2,
  LINKED_TR_EPIC,
  mustCall,
  projectPage,
  seededForge,
  storageSnapshot,
  type UserName,
} from './support/harness';

const NOW = new Date('2026-11-23T12:00:00Z');
const PAY = DEMO_PROJECTS.PAY;
const TR = DEMO_PROJECTS.TR;
const ctx = (user: keyof typeof DEMO_USERS, project: { id: string; key: string }) => ({
  accountId: DEMO_USERS[user].accountId,
  extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key } },
});

/** The seeds' template table, verbatim, with the article's prose around it. */
const TEMPLATE = SEED_TEXT;

describe('import and export through the resolvers', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = new LocalForge({ now: () => NOW });
    await seedDemoRoadmap(forge);
  });
  afterEach(() => forge.close());
  const call = async <T>(key: string, payload: unknown, user: keyof typeof DEMO_USERS, project: { id: string; key: string }) =>
    (await forge.invoke(key, payload, ctx(user, project))) as Result<T>;
  const ok = <T>(r: Result<T>): T => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };

  it('previews the seeds’ template table, writes nothing, then imports it into a new roadmap', async () => {
    const started = ok(await call<RoadmapView>('startRoadmap', { withExamples: false }, 'admin', PAY));
    const writes = forge.kvs.stats.calls['/api/v1/transaction'];
    const preview = ok(await call<ImportPreview>('previewImport', { text: TEMPLATE, format: 'auto' }, 'member', PAY));
    expect(preview.format).toBe('markdown');
    expect(preview.counts).toMatchObject({ rows: 6, toCreate: 6, phasesToCreate: 0, errors: 0 });
    expect(forge.kvs.stats.calls['/api/v1/transaction']).toBe(writes);

    const imported = ok(await call<MutationResult>('importRoadmap', { baseRevision: started.revision, text: TEMPLATE }, 'member', PAY));
    expect((await answeredView(imported, async () => ok(await call<RoadmapView>('getRoadmapView', {}, 'member', PAY)))).initiatives).toHaveLength(6);
    expect(
      (await answeredView(imported, async () => ok(await call<RoadmapView>('getRoadmapView', {}, 'member', PAY)))).initiatives.find(
        (i) => i.title === 'Adopt feature flags',
      ),
    ).toMatchObject({ targetQuarter: '2026-Q4', phaseId: 'P-3' });
    expect(imported.change.summary).toMatch(/Imported 6 initiatives/);
  });

  it('reports per-row errors and refuses to import them', async () => {
    const bad = TEMPLATE.replace('| Q3 2026 |', '| sometime |').replace('| Velocity | Adopt feature flags', '|  | Adopt feature flags');
    const preview = ok(await call<ImportPreview>('previewImport', { text: bad }, 'admin', TR));
    expect(
      preview.errors
        .filter((e) => e.severity === 'error')
        .map((e) => e.row)
        .sort(),
    ).toEqual([3, 5]);
    const view = ok(await call<RoadmapView>('getRoadmapView', {}, 'admin', TR));
    const refused = await call<MutationResult>('importRoadmap', { baseRevision: view.revision, text: bad }, 'admin', TR);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ok(await call<RoadmapView>('getRoadmapView', {}, 'admin', TR)).revision).toBe(view.revision);
  });

  it('exports CSV and Markdown that import back as no change; replace needs confirming removals', async () => {
    const view = ok(await call<RoadmapView>('getRoadmapView', {}, 'outsider', TR));
    const csv = ok(await call<ExportResult>('exportRoadmap', { format: 'csv' }, 'outsider', TR));
    expect(csv).toMatchObject({ filename: 'TR-technical-roadmap.csv', mimeType: 'text/csv' });
    expect(csv.content.split('\r\n')[0]).toMatch(/^Phase,Initiative,Goal,Success metric,Target quarter,Horizon/);
    const md = ok(await call<ExportResult>('exportRoadmap', { format: 'markdown' }, 'member', TR));
    for (const content of [csv.content, md.content]) {
      const preview = ok(await call<ImportPreview>('previewImport', { text: content, mode: 'merge' }, 'member', TR));
      expect(preview.counts).toMatchObject({ toCreate: 0, toUpdate: 0, errors: 0, unchanged: view.initiatives.length });
    }
    const oneRow = md.content.split('\n').slice(0, 3).join('\n');
    const replace = await call<MutationResult>('importRoadmap', { baseRevision: view.revision, text: oneRow, mode: 'replace' }, 'admin', TR);
    expect(replace).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { confirmRemovals: expect.any(String) } } });
    const confirmed = ok(
      await call<MutationResult>('importRoadmap', { baseRevision: view.revision, text: oneRow, mode: 'replace', confirmRemovals: true }, 'admin', TR),
    );
    expect((await answeredView(confirmed, async () => ok(await call<RoadmapView>('getRoadmapView', {}, 'admin', TR)))).initiatives).toHaveLength(1);
  });

  it('an outsider can neither preview nor import into a project they cannot browse', async () => {
    ok(await call<RoadmapView>('startRoadmap', { withExamples: false }, 'admin', PAY));
    expect(await call('previewImport', { text: TEMPLATE }, 'outsider', PAY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('exportRoadmap', { format: 'csv' }, 'outsider', PAY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('previewImport', { text: TEMPLATE }, 'outsider', TR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** Issue 6, items 7, 12 and 13, through the resolvers as the four users. */
describe('import/export round trip, epic keys, horizons, reasons and replace (issue 6)', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = await seededForge();
  });
  afterEach(() => forge.close());
  const page = projectPage(TR);
  const view = (user: UserName = 'admin') => mustCall<RoadmapView>(forge, 'getRoadmapView', {}, user, page);
  const exported = async (format: 'csv' | 'markdown', user: UserName = 'admin') =>
    (await mustCall<ExportResult>(forge, 'exportRoadmap', { format }, user, page)).content;
  const preview = (text: string, user: UserName = 'member', mode: 'merge' | 'replace' = 'merge') => call(forge, 'previewImport', { text, mode }, user, page);

  /** Text that tables find hard, written through the ordinary resolvers. */
  async function makeAwkward(): Promise<void> {
    let { revision } = await view();
    const save = async (key: string, payload: Record<string, unknown>) => {
      revision = (await mustCall<MutationResult>(forge, key, { baseRevision: revision, ...payload }, 'admin', page)).revision;
    };
    await save('saveSettings', {
      settings: {
        businessGoals: [
          { title: 'Enterprise; SOC 2', metric: '' },
          { title: 'Speed <br> | "fast"', metric: '' },
        ],
      },
    });
    const goals = (await view()).businessGoals.map((g) => g.id);
    await save('updateInitiative', { initiativeId: 'I-1', patch: { title: 'Upgrade; then migrate', businessGoalIds: goals, goal: 'One\r\ntwo\rthree\nfour' } });
    await save('updateInitiative', { initiativeId: 'I-2', patch: { title: 'Literal <br> & a | pipe', dependsOn: ['I-1'] } });
    await save('updateInitiative', { initiativeId: 'I-3', patch: { title: 'Title with\r\nCRLF, "quotes"', dependsOn: ['I-1', 'I-2'] } });
    await save('updateInitiative', { initiativeId: 'I-4', patch: { title: 'مرحبا 👩‍💻 =SUM(1)', dependsOn: ['I-3'], goal: '\\\\ back\\\\slash ; \\\\|' } });
    await save('updateInitiative', { initiativeId: 'I-5', patch: { title: 'Upgrade; then migrate', dependsOn: ['I-1', 'I-4'] } }); // a second, same title
  }

  it.each(['csv', 'markdown'] as const)(
    '%s: the app’s own export re-imports (merge) with no updates and no warnings, and exports the same bytes',
    async (format) => {
      await makeAwkward();
      const first = await exported(format);
      expect(first).toContain(LINKED_TR_EPIC.key); // epics by key, not id
      expect(first).not.toContain(LINKED_TR_EPIC.id);
      const plan = (await preview(first)) as { ok: true; value: ImportPreview };
      expect(plan.ok).toBe(true);
      expect(plan.value.errors).toEqual([]);
      expect(plan.value.counts).toMatchObject({ toCreate: 0, toUpdate: 0, toMove: 0, warnings: 0, errors: 0, unchanged: 6 });
      const before = await view();
      await mustCall<MutationResult>(forge, 'importRoadmap', { baseRevision: before.revision, text: first }, 'member', page);
      expect(await exported(format)).toBe(first);
    },
  );

  it('imports epics by key (ids still accepted) as the caller; an unknown, hidden or non-epic key is a row error worded the same for unknown and hidden', async () => {
    const trEpic = FREE_TR_EPIC;
    const payEpic = FIRST_PAY_EPIC;
    const child = demoJiraData().issues.find((i) => i.id === LINKED_TR_EPIC.childIds[0])!;
    const csv = (epics: string) => `Phase,Initiative,Target quarter,Epics\nScale,New with epics,Q3 2026,${epics}\n`;
    const good = (await preview(csv(`${trEpic.key.toLowerCase()}; ${FREE_TR_EPIC_2.id}`), 'trEditor')) as { ok: true; value: ImportPreview };
    expect(good.value.errors.filter((e) => e.row > 0)).toEqual([]);
    expect(good.value.initiativesToCreate[0].fields.epicIds).toEqual([trEpic.id, FREE_TR_EPIC_2.id]);

    const bad = (await preview(csv(`${payEpic.key}; TR-99999; ${child.key}`), 'trEditor')) as { ok: true; value: ImportPreview };
    expect(bad.value.errors.filter((e) => e.row > 0).map((e) => e.message)).toEqual([
      `${payEpic.key} does not exist or you cannot see it`,
      'TR-99999 does not exist or you cannot see it',
      `${child.key} is a ${child.issueType}, not an epic`,
    ]);
    const { revision } = await view();
    expect(await call(forge, 'importRoadmap', { baseRevision: revision, text: csv(payEpic.key) }, 'trEditor', page)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // the admin sees PAY: the same table links PAY's epic to TR (an epic may serve initiatives on several roadmaps)
    const done = await mustCall<MutationResult>(forge, 'importRoadmap', { baseRevision: revision, text: csv(`${payEpic.key}; ${trEpic.key}`) }, 'admin', page);
    expect((await answeredView(done, () => view('admin'))).initiatives.find((i) => i.title === 'New with epics')!.epicIds).toEqual([payEpic.id, trEpic.id]);
  });

  it('leaves an epic from a project the caller cannot browse out of their export (nothing leaked), and keeps it through their re-import (nothing lost)', async () => {
    const { revision } = await view();
    await mustCall(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: {}, epicKeys: [FIRST_PAY_EPIC.key] }, 'admin', page);
    expect(await exported('csv', 'admin')).toContain(FIRST_PAY_EPIC.key);
    const asTrEditor = await exported('csv', 'trEditor');
    expect(asTrEditor).not.toContain(FIRST_PAY_EPIC.key);
    expect(asTrEditor).not.toContain(FIRST_PAY_EPIC.id);
    expect(asTrEditor).toContain(LINKED_TR_EPIC.key);
    const plan = (await preview(asTrEditor, 'trEditor')) as { ok: true; value: ImportPreview };
    expect(plan.value.counts).toMatchObject({ toUpdate: 0, errors: 0, warnings: 0 });
    // It is still linked, for those who may see it.
    expect(await exported('csv', 'admin')).toContain(FIRST_PAY_EPIC.key);
  });

  it('honours the Horizon column: a move by import needs a reason, recorded on the change; the pin round-trips', async () => {
    const first = await exported('csv');
    const row = first.split('\r\n').find((line) => line.includes(',I-6'))!;
    const [horizon] = /,(Now|Next|Later),/.exec(row)!.slice(1);
    const pinnedTo = horizon === 'Now' ? 'Later' : 'Now';
    const moved = first.replace(row, row.replace(`,${horizon},`, `,${pinnedTo},`));
    const plan = (await preview(moved)) as { ok: true; value: ImportPreview };
    expect(plan.value.initiativesToUpdate).toEqual([expect.objectContaining({ id: 'I-6', moves: true, patch: { horizonPin: pinnedTo.toLowerCase() } })]);
    expect(plan.value.counts.toMove).toBe(1);

    const { revision } = await view();
    const before = await storageSnapshot(forge);
    expect(await call(forge, 'importRoadmap', { baseRevision: revision, text: moved }, 'member', page)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { reason: expect.any(String) } },
    });
    expect(await storageSnapshot(forge)).toBe(before);
    const done = await mustCall<MutationResult>(
      forge,
      'importRoadmap',
      { baseRevision: revision, text: moved, reason: 'Pinned at the planning review' },
      'member',
      page,
    );
    expect(done.change.reason).toBe('Pinned at the planning review');
    expect((await answeredView(done, () => view('member'))).initiatives.find((i) => i.id === 'I-6')).toMatchObject({
      horizonPin: pinnedTo.toLowerCase(),
      horizon: pinnedTo.toLowerCase(),
    });
    const again = await exported('csv');
    expect(again).toContain(`,${pinnedTo} (pinned),`);
    expect(((await preview(again)) as { ok: true; value: ImportPreview }).value.counts).toMatchObject({ toUpdate: 0, warnings: 0 });
  });

  it('replace is for project admins: a member is refused in preview and import; the admin’s preview lists exactly what is deleted', async () => {
    const md = await exported('markdown');
    const twoRows = md.split('\n').slice(0, 4).join('\n');
    expect(await preview(twoRows, 'member', 'replace')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await preview(twoRows, 'trEditor', 'replace')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { revision, initiatives } = await view();
    const before = await storageSnapshot(forge);
    expect(await call(forge, 'importRoadmap', { baseRevision: revision, text: twoRows, mode: 'replace', confirmRemovals: true }, 'member', page)).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
    expect(await storageSnapshot(forge)).toBe(before);
    // Checked before the revision: a member with a stale revision is told FORBIDDEN, not CONFLICT.
    expect(
      await call(forge, 'importRoadmap', { baseRevision: revision - 1, text: twoRows, mode: 'replace', confirmRemovals: true }, 'member', page),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // merge stays open to editors
    expect(await preview(twoRows, 'member', 'merge')).toMatchObject({ ok: true });

    const plan = (await preview(twoRows, 'admin', 'replace')) as { ok: true; value: ImportPreview };
    const kept = plan.value.initiativesUnchanged.map((u) => u.id);
    const expected = initiatives.filter((i) => !kept.includes(i.id)).map((i) => ({ id: i.id, title: i.title, phaseId: i.phaseId }));
    expect(plan.value.initiativesToRemove).toEqual(expected);
    expect(plan.value.counts.toRemove).toBe(initiatives.length - 2);
    expect(await call(forge, 'importRoadmap', { baseRevision: revision, text: twoRows, mode: 'replace' }, 'admin', page)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { confirmRemovals: expect.any(String) } },
    });
    const done = await mustCall<MutationResult>(
      forge,
      'importRoadmap',
      { baseRevision: revision, text: twoRows, mode: 'replace', confirmRemovals: true },
      'admin',
      page,
    );
    expect((await answeredView(done, () => view('admin'))).initiatives.map((i) => i.id).sort()).toEqual([...kept].sort());
  });
});

/** Issue 8: an import's owners are confirmed in Jira as the caller, like an owner picked in the editor. */
describe('owners in an imported table are confirmed in Jira as the importer', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = await seededForge();
  });
  afterEach(() => forge.close());
  const page = projectPage(TR);
  const USER_BULK = 'GET /rest/api/3/user/bulk';
  const csv = (...rows: Array<[title: string, owner: string]>) =>
    `Phase,Initiative,Goal,Success metric,Target quarter,Owner\n${rows.map(([title, owner]) => `Scale,${title},,Measured,Q3 2026,${owner}`).join('\n')}\n`;
  const preview = async (text: string, user: UserName = 'member') => {
    const answer = await call(forge, 'previewImport', { text }, user, page);
    if (!('ok' in answer) || !answer.ok) throw new Error(JSON.stringify(answer));
    return answer.value as ImportPreview;
  };
  const revision = async () => (await mustCall<RoadmapView>(forge, 'getRoadmapView', {}, 'admin', page)).revision;

  it('keeps owners Jira knows, asking Jira once for all of them, in preview and import alike', async () => {
    const text = csv(
      ['Shard events', DEMO_USERS.admin.accountId],
      ['Rotate credentials', DEMO_USERS.member.accountId],
      ['Trace everything', DEMO_USERS.outsider.accountId],
      ['Cache reads', DEMO_USERS.admin.accountId],
      ['No owner yet', ''],
    );
    forge.jira.resetStats();
    const plan = await preview(text);
    expect(plan.counts).toMatchObject({ toCreate: 5, errors: 0 });
    expect(forge.jira.stats[USER_BULK]).toBe(1);

    forge.jira.resetStats();
    const done = await mustCall<MutationResult>(forge, 'importRoadmap', { baseRevision: await revision(), text }, 'member', page);
    expect(forge.jira.stats[USER_BULK]).toBe(1);
    const owners = Object.fromEntries(
      (await answeredView(done, () => mustCall<RoadmapView>(forge, 'getRoadmapView', {}, 'member', page))).initiatives.map((i) => [i.title, i.ownerAccountId]),
    );
    expect(owners).toMatchObject({
      'Shard events': DEMO_USERS.admin.accountId,
      'Rotate credentials': DEMO_USERS.member.accountId,
      'Trace everything': DEMO_USERS.outsider.accountId,
      'Cache reads': DEMO_USERS.admin.accountId,
      'No owner yet': null,
    });
  });

  it('refuses an unknown owner on its row, in preview and import, and stores nothing', async () => {
    const text = csv(['Shard events', DEMO_USERS.admin.accountId], ['Rotate credentials', '557058:nobody-here']);
    const plan = await preview(text);
    expect(plan.errors.filter((e) => e.severity === 'error')).toEqual([
      { row: 2, column: 'Owner', message: 'No Jira user you can see has the account id "557058:nobody-here"', severity: 'error' },
    ]);
    const before = await storageSnapshot(forge);
    const refused = await call(forge, 'importRoadmap', { baseRevision: await revision(), text }, 'member', page);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('row 2: No Jira user you can see'),
        fields: { 'rows.2.Owner': 'No Jira user you can see has the account id "557058:nobody-here"' },
      },
    });
    expect(await storageSnapshot(forge)).toBe(before);
  });

  it('words a person Jira hides from the importer exactly like nobody at all', async () => {
    // Jira leaves out of /user/bulk whom the caller may not see; here it hides the outsider from everyone.
    const hidden: string = DEMO_USERS.outsider.accountId;
    const ask = forge.deps.jira.getUsers.bind(forge.deps.jira);
    forge.deps.jira.getUsers = async (ids) => (await ask(ids)).filter((person) => person.accountId !== hidden);
    const nobody = '557058:cccc-nobody';
    const asHidden = await preview(csv(['Trace everything', hidden]));
    const asNobody = await preview(csv(['Trace everything', nobody]));
    expect(asHidden.counts.errors).toBe(1);
    expect(JSON.stringify(asHidden).replaceAll(hidden, '<id>')).toBe(JSON.stringify(asNobody).replaceAll(nobody, '<id>'));
    expect(JSON.stringify(asHidden)).not.toContain(DEMO_USERS.outsider.displayName);
  });

  it('keeps an initiative’s unchanged owner Jira no longer shows (as the editor does); a table without owners asks Jira nothing', async () => {
    await mustCall(
      forge,
      'updateInitiative',
      { baseRevision: await revision(), initiativeId: 'I-1', patch: { ownerAccountId: DEMO_USERS.outsider.accountId } },
      'admin',
      page,
    );
    const exported = (await mustCall<ExportResult>(forge, 'exportRoadmap', { format: 'csv' }, 'admin', page)).content;
    expect(exported).toContain(DEMO_USERS.outsider.accountId);
    const ask = forge.deps.jira.getUsers.bind(forge.deps.jira);
    forge.deps.jira.getUsers = async (ids) => (await ask(ids)).filter((person) => person.accountId !== DEMO_USERS.outsider.accountId);
    expect((await preview(exported)).counts).toMatchObject({ toUpdate: 0, unchanged: 6, errors: 0 });

    const table = 'Phase,Initiative,Success metric,Target quarter\nScale,Ownerless,Measured,Q3 2026\n';
    forge.jira.resetStats();
    expect((await preview(table)).counts).toMatchObject({ toCreate: 1, errors: 0 });
    expect(forge.jira.stats[USER_BULK]).toBeUndefined();
  });
});
