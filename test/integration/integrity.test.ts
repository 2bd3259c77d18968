/**
 * Issue 6's defects, one regression test each, through the resolvers (real @forge/kvs against the emulator, the
 * Jira fake as each user). The storage invariants run after every test here too (after-each hook).
 */
import { DEMO_EPICS, DEMO_USERS } from '../../dev/jira';
import type { LocalForge } from '../../dev/local-forge';
import type { CreateInitiativeResult, EpicContext, MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { LIMITS } from '../../src/domain/model';
import { chunkKey, metaKey } from '../../src/storage/keys';
import { META_ENTITY } from '../../src/storage/kvs-roadmap-store';
import { answeredView } from './support/answered-view';
import { issuePanel, PAY, projectPage, seededForge, storageSnapshot, TR, type UserName } from './support/harness';

const epic = (key: string) => DEMO_EPICS.find((e) => e.key === key)!;
const PAY_EPIC = epic('PAY-1'); // id 20037
const TR_FREE = epic('TR-28');

async function invoke<T = unknown>(
  forge: LocalForge,
  key: string,
  payload: unknown,
  user: UserName,
  extension: Record<string, unknown> = projectPage(TR),
): Promise<Result<T>> {
  return (await forge.invoke(key, payload, { accountId: DEMO_USERS[user].accountId, extension })) as Result<T>;
}
function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.value;
}
const view = async (forge: LocalForge, project: { id: string; key: string } = TR, user: UserName = 'admin') =>
  ok(await invoke<RoadmapView>(forge, 'getRoadmapView', {}, user, projectPage(project)));
const newInitiative = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  phaseId: 'P-1',
  successMetric: { description: 'Measured' },
  targetQuarter: '2027-Q1',
  ...extra,
});

/** PAY's roadmap (started by the admin) whose I-1 is served by PAY-1. */
async function payRoadmapHolding(forge: LocalForge, epicKey = PAY_EPIC.key): Promise<RoadmapView> {
  const started = ok(await invoke<RoadmapView>(forge, 'startRoadmap', { withExamples: true }, 'admin', projectPage(PAY)));
  const linked = ok(
    await invoke<MutationResult>(
      forge,
      'updateInitiative',
      { baseRevision: started.revision, initiativeId: 'I-1', patch: {}, epicKeys: [epicKey] },
      'payEditor',
      projectPage(PAY),
    ),
  );
  return answeredView(linked, () => view(forge, PAY, 'payEditor'));
}

describe('issue 6: integrity and confidentiality', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = await seededForge();
  });
  afterEach(() => forge.close());

  describe('1. epic ids are confirmed in Jira as the caller, on every write path', () => {
    it('a TR-only editor cannot link a PAY epic by raw id (create, update, promote): same answer as a missing issue', async () => {
      await payRoadmapHolding(forge);
      const before = await storageSnapshot(forge);
      const { revision } = await view(forge);
      const create = await invoke(
        forge,
        'createInitiative',
        { baseRevision: revision, initiative: newInitiative('Grab PAY', { epicIds: [PAY_EPIC.id] }) },
        'trEditor',
      );
      const missing = await invoke(
        forge,
        'createInitiative',
        { baseRevision: revision, initiative: newInitiative('Grab PAY', { epicIds: ['99999'] }) },
        'trEditor',
      );
      expect(create).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Issue ${PAY_EPIC.id} does not exist or you cannot see it`,
          fields: { 'initiative.epicIds.0': `Issue ${PAY_EPIC.id} does not exist or you cannot see it` },
        },
      });
      expect(JSON.stringify(missing).replaceAll('99999', 'X')).toBe(JSON.stringify(create).replaceAll(PAY_EPIC.id, 'X'));
      const update = await invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: { epicIds: [PAY_EPIC.id] } }, 'trEditor');
      expect(update).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'patch.epicIds.0': expect.stringContaining('cannot see it') } } });
      expect(await storageSnapshot(forge)).toBe(before);
      // PAY's editors keep their side panel link.
      const panel = ok(await invoke<EpicContext>(forge, 'getEpicContext', {}, 'payEditor', issuePanel(PAY, PAY_EPIC)));
      expect(panel.links.map((l) => [l.project.key, l.initiative.id])).toEqual([['PAY', 'I-1']]);
    });

    it('a story is not an epic, even by id', async () => {
      const story = forge.jira.data.issues.find((i) => i.projectId === TR.id && i.issueType === 'Story')!;
      const { revision } = await view(forge);
      const refused = await invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: { epicIds: [story.id] } }, 'member');
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'patch.epicIds.0': `${story.key} is a Story, not an epic` } } });
    });

    it('an epic serving I-1 cannot be given to another initiative of the same roadmap', async () => {
      const { revision, initiatives } = await view(forge);
      const held = initiatives.find((i) => i.id === 'I-1')!.epicIds[0];
      const refused = await invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: { epicIds: [held] } }, 'member');
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining(`Epic ${held} already serves initiative I-1`) },
      });
    });
  });

  describe('2. an epic serves at most one initiative per roadmap and may serve several roadmaps', () => {
    it('concurrent creates on TR and PAY with the same epic both land and the index lists both', async () => {
      const pay = ok(await invoke<RoadmapView>(forge, 'startRoadmap', { withExamples: false }, 'admin', projectPage(PAY)));
      const tr = await view(forge);
      const payPhase = pay.phases[0].id;
      const [a, b] = await Promise.all([
        invoke<CreateInitiativeResult>(
          forge,
          'createInitiative',
          { baseRevision: tr.revision, initiative: newInitiative('TR side', { epicIds: [TR_FREE.id] }) },
          'admin',
        ),
        invoke<CreateInitiativeResult>(
          forge,
          'createInitiative',
          { baseRevision: pay.revision, initiative: newInitiative('PAY side', { phaseId: payPhase, epicIds: [TR_FREE.id] }) },
          'admin',
          projectPage(PAY),
        ),
      ]);
      const trId = ok(a).initiativeId;
      const payId = ok(b).initiativeId;
      const links = await forge.deps.store.getEpicLinks(TR_FREE.id);
      expect(links.sort((x, y) => x.projectId.localeCompare(y.projectId))).toEqual([
        { issueId: TR_FREE.id, projectId: TR.id, initiativeId: trId },
        { issueId: TR_FREE.id, projectId: PAY.id, initiativeId: payId },
      ]);
    });

    it('two concurrent links of one epic to two initiatives of one roadmap: exactly one lands', async () => {
      const { revision } = await view(forge);
      const [a, b] = await Promise.all([
        invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: {}, epicKeys: [TR_FREE.key] }, 'member'),
        invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-3', patch: {}, epicKeys: [TR_FREE.key] }, 'admin'),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await forge.deps.store.getEpicLinks(TR_FREE.id)).toHaveLength(1);
    });
  });

  describe('3. limits hold on every write path; a stored roadmap out of limits still loads', () => {
    it(`the ${LIMITS.phases + 1}st phase is refused with a field error`, async () => {
      const { revision: start, phases } = await view(forge);
      let revision = start;
      for (let n = phases.length; n < LIMITS.phases; n++) {
        revision = ok(
          await invoke<MutationResult>(
            forge,
            'createPhase',
            { baseRevision: revision, phase: { name: `Phase ${n}`, startQuarter: '2027-Q1', endQuarter: '2027-Q2' } },
            'member',
          ),
        ).revision;
      }
      const over = await invoke(
        forge,
        'createPhase',
        { baseRevision: revision, phase: { name: 'One too many', startQuarter: '2027-Q1', endQuarter: '2027-Q2' } },
        'member',
      );
      expect(over).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { phases: `${LIMITS.phases + 1} phases, over the limit of ${LIMITS.phases}` } },
      });
      expect((await view(forge)).phases).toHaveLength(LIMITS.phases);
    });

    it('a roadmap stored with 21 phases loads for everyone with a warning, takes edits, and can be repaired', async () => {
      const stored = await forge.kvs.handle('/api/v1/entity/get', { entityName: META_ENTITY, key: metaKey(TR.id) });
      const entity = (stored.body as { value: { revision: number; data: { phases: Array<Record<string, unknown>>; nextPhaseSeq: number } } }).value;
      const extra = Array.from({ length: 21 - entity.data.phases.length }, (_, i) => ({
        id: `P-${100 + i}`,
        name: `Extra ${i}`,
        theme: '',
        startQuarter: '2027-Q1',
        endQuarter: '2027-Q1',
        order: entity.data.phases.length + i,
        description: '',
      }));
      entity.data.phases.push(...extra);
      entity.data.nextPhaseSeq = 200;
      await forge.kvs.handle('/api/v1/entity/set', { entityName: META_ENTITY, key: metaKey(TR.id), value: entity });

      const loaded = await view(forge, TR, 'outsider');
      expect(loaded.phases).toHaveLength(21);
      expect(loaded.limitWarnings).toEqual([{ path: 'phases', message: '21 phases, over the limit of 20', count: 21 }]);
      const edited = ok(
        await invoke<MutationResult>(
          forge,
          'updateInitiative',
          { baseRevision: loaded.revision, initiativeId: 'I-2', patch: { goal: 'Still editable' } },
          'member',
        ),
      );
      const more = await invoke(
        forge,
        'createPhase',
        { baseRevision: edited.revision, phase: { name: 'Worse', startQuarter: '2027-Q1', endQuarter: '2027-Q1' } },
        'member',
      );
      expect(more).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { phases: expect.any(String) } } });
      const repaired = ok(await invoke<MutationResult>(forge, 'deletePhase', { baseRevision: edited.revision, phaseId: 'P-100' }, 'member'));
      expect((await answeredView(repaired, () => view(forge, TR, 'member'))).limitWarnings).toEqual([]);
    });

    it(`an initiative with more than ${LIMITS.epicsPerInitiative} epics is a field error, and the most it may hold always commits`, async () => {
      const { revision } = await view(forge);
      const ids = Array.from({ length: LIMITS.epicsPerInitiative + 1 }, (_, i) => String(30000 + i));
      const over = await invoke(forge, 'createInitiative', { baseRevision: revision, initiative: newInitiative('Too many', { epicIds: ids }) }, 'admin');
      expect(over).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { 'initiative.epicIds': `At most ${LIMITS.epicsPerInitiative} epics per initiative` } },
      });

      // Ten real epics, then all ten replaced by ten others in one save: the transaction stays within 25 operations.
      const epics = forge.jira.data.issues.filter((i) => i.issueType === 'Epic');
      for (let n = epics.length; n < 2 * LIMITS.epicsPerInitiative + 2; n++)
        forge.jira.data.issues.push({ ...epics[0], id: String(40000 + n), key: `TR-${900 + n}`, summary: `Extra epic ${n}` });
      const free = forge.jira.data.issues
        .filter((i) => i.issueType === 'Epic' && i.projectId === TR.id && !['20001', '20006', '20010', '20015', '20018', '20024'].includes(i.id))
        .map((i) => i.id);
      const first = free.slice(0, LIMITS.epicsPerInitiative);
      const second = free.slice(LIMITS.epicsPerInitiative, 2 * LIMITS.epicsPerInitiative);
      const created = ok(
        await invoke<CreateInitiativeResult>(
          forge,
          'createInitiative',
          { baseRevision: revision, initiative: newInitiative('Ten epics', { epicIds: first }) },
          'admin',
        ),
      );
      const replaced = ok(
        await invoke<MutationResult>(
          forge,
          'updateInitiative',
          { baseRevision: created.revision, initiativeId: created.initiativeId, patch: { epicIds: second } },
          'admin',
        ),
      );
      expect((await answeredView(replaced, () => view(forge))).initiatives.find((i) => i.id === created.initiativeId)!.epicIds).toEqual(second);
      ok(await invoke<MutationResult>(forge, 'deleteInitiative', { baseRevision: replaced.revision, initiativeId: created.initiativeId }, 'admin'));
      for (const id of [...first, ...second]) expect(await forge.deps.store.getEpicLinks(id)).toEqual([]);
    });
  });

  describe('4. nothing about a hidden roadmap leaks through the epic panel or linking', () => {
    it('the answers about a TR epic are identical whether or not PAY (hidden from the caller) holds it', async () => {
      const ask = async () => {
        const panel = await invoke<EpicContext>(forge, 'getEpicContext', {}, 'trEditor', issuePanel(TR, TR_FREE));
        return JSON.stringify(panel);
      };
      const before = await ask();
      await payRoadmapHolding(forge, TR_FREE.key).catch(() => undefined);
      // PAY's admin links TR-28 on PAY's roadmap (the admin can see both).
      const pay = await view(forge, PAY);
      ok(
        await invoke<MutationResult>(
          forge,
          'updateInitiative',
          { baseRevision: pay.revision, initiativeId: 'I-2', patch: {}, epicKeys: [TR_FREE.key] },
          'admin',
          projectPage(PAY),
        ),
      );
      expect(await ask()).toBe(before);
      // Linking it on TR is no obstacle and says nothing about PAY.
      const context = JSON.parse(before) as Result<EpicContext>;
      const linked = ok(
        await invoke<MutationResult>(
          forge,
          'linkEpic',
          { baseRevision: ok(context).linking!.revision, initiativeId: 'I-3' },
          'trEditor',
          issuePanel(TR, TR_FREE),
        ),
      );
      expect(JSON.stringify(linked)).not.toContain(PAY.key);
      expect(JSON.stringify(linked)).not.toContain(PAY.id);
    });
  });

  describe('5. text is well-formed Unicode and budgets count UTF-8 bytes', () => {
    it('lone surrogates are refused at the schema; astral text is fine', async () => {
      const { revision } = await view(forge);
      const lone = await invoke(forge, 'createInitiative', { baseRevision: revision, initiative: newInitiative('\ud800'.repeat(200)) }, 'member');
      expect(lone).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { 'initiative.title': expect.stringContaining('lone UTF-16 surrogate') } },
      });
      ok(await invoke(forge, 'createInitiative', { baseRevision: revision, initiative: newInitiative('🚀 '.repeat(60).trim()) }, 'member'));
    });

    it('25 initiatives at every text maximum in 3-byte characters fit one chunk', async () => {
      let { revision } = await view(forge);
      const wide = (n: number) => '€'.repeat(n);
      for (let n = 0; n < 19; n++) {
        const created = ok(
          await invoke<{ revision: number }>(
            forge,
            'createInitiative',
            { baseRevision: revision, initiative: newInitiative(wide(200), { goal: wide(1000), successMetric: { description: wide(500), unit: wide(30) } }) },
            'member',
          ),
        );
        revision = created.revision;
      }
      const chunk = await forge.kvs.handle('/api/v1/get', { key: chunkKey(TR.id, 'ini', 0) });
      const bytes = Buffer.byteLength(JSON.stringify((chunk.body as { value: unknown }).value), 'utf8');
      expect(bytes).toBeLessThan(240 * 1024);
    });
  });

  describe('6. request size is counted in bytes, as Forge counts it', () => {
    it('a payload over 500 KB is refused with LIMIT before it runs, even when its characters are fewer', async () => {
      const { revision } = await view(forge);
      const before = await storageSnapshot(forge);
      // 190,000 three-byte characters: 570,000+ bytes, far fewer characters.
      const big = await invoke(forge, 'previewImport', { text: '€'.repeat(190_000) }, 'member');
      expect(big).toMatchObject({ ok: false, error: { code: 'LIMIT', message: expect.stringContaining('500 KB') } });
      const write = await invoke(
        forge,
        'createInitiative',
        { baseRevision: revision, initiative: newInitiative('x', { goal: '€'.repeat(190_000) }) },
        'member',
      );
      expect(write).toMatchObject({ ok: false, error: { code: 'LIMIT' } });
      expect(await storageSnapshot(forge)).toBe(before);
    });
  });

  describe('8. only the app’s own resolver keys run', () => {
    it.each(['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'nope'])(
      '%s answers "no such function"',
      async (key) => {
        const answer = await forge.invoke(key, { echo: 'me' }, { accountId: DEMO_USERS.member.accountId, extension: projectPage(TR) });
        expect(answer).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `No such function: "${key}" is not one of this app's resolver functions` } });
      },
    );
  });

  describe('9. bad input is INVALID_INPUT, not an outage', () => {
    it.each(['PAY/../TR', 'TR?expand=x', '../project/PAY', 'TR#', 'TR ', ''])('findProject(%j) is refused as input', async (projectKeyOrId) => {
      const answer = await invoke(forge, 'findProject', { projectKeyOrId }, 'admin');
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { projectKeyOrId: expect.any(String) } } });
    });

    it('findProject is case-insensitive about keys and hides what the caller cannot browse', async () => {
      for (const typed of ['TR', 'tr', 'Tr', TR.id])
        expect(await invoke(forge, 'findProject', { projectKeyOrId: typed }, 'trEditor')).toMatchObject({ ok: true, value: { key: 'TR' } });
      const hidden = await invoke(forge, 'findProject', { projectKeyOrId: 'PAY' }, 'trEditor');
      const missing = await invoke(forge, 'findProject', { projectKeyOrId: 'NOPE' }, 'trEditor');
      expect(hidden).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(JSON.stringify(hidden).replace('PAY', 'X')).toBe(JSON.stringify(missing).replace('NOPE', 'X'));
    });

    it('a caller Jira answers 401 for gets FORBIDDEN', async () => {
      for (const key of ['getRoadmapView', 'getChangelog', 'getProgress', 'exportRoadmap']) {
        const answer = (await forge.invoke(key, key === 'exportRoadmap' ? { format: 'csv' } : {}, {
          accountId: '',
          extension: projectPage(TR),
        })) as Result<unknown>;
        expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    });

    it.each(['\u200B', '\uFEFF', ' \u200B\u200D ', '\u2060\u00AD'])('a title of only invisible characters (%j) is refused like a blank one', async (title) => {
      const { revision } = await view(forge);
      const answer = await invoke(forge, 'createInitiative', { baseRevision: revision, initiative: newInitiative(title) }, 'member');
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'initiative.title': expect.stringContaining('Required') } } });
    });
  });

  describe('10. the trigger does not trust its event', () => {
    it('a deleted-issue event for an epic that still exists changes nothing', async () => {
      const held = epic('TR-1');
      const before = await storageSnapshot(forge);
      expect(await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: held.id, key: held.key } })).toEqual({
        handled: false,
        reason: 'the issue still exists in Jira',
      });
      expect(await storageSnapshot(forge)).toBe(before);
    });

    it.each([{ id: '../x' }, { id: '1'.repeat(600) }, { id: 1e308 }, { id: -5 }, { id: 'epic:1' }, { id: null }, {}])(
      'ignores a malformed issue %j',
      async (issue) => {
        const before = await storageSnapshot(forge);
        expect(await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue })).toEqual({ handled: false, reason: 'not an issue event' });
        expect(await storageSnapshot(forge)).toBe(before);
      },
    );

    it('a deleted epic is unlinked from every roadmap that holds it', async () => {
      await payRoadmapHolding(forge);
      const tr = await view(forge);
      ok(await invoke(forge, 'updateInitiative', { baseRevision: tr.revision, initiativeId: 'I-2', patch: {}, epicKeys: [PAY_EPIC.key] }, 'admin'));
      forge.jira.deleteIssue(PAY_EPIC.key);
      const outcome = await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: PAY_EPIC.id, key: PAY_EPIC.key } });
      expect(outcome).toMatchObject({
        handled: true,
        unlinked: expect.arrayContaining([
          expect.objectContaining({ projectId: TR.id, initiativeId: 'I-2' }),
          expect.objectContaining({ projectId: PAY.id, initiativeId: 'I-1' }),
        ]),
      });
      expect(await forge.deps.store.getEpicLinks(PAY_EPIC.id)).toEqual([]);
    });

    it('a link that commits while its epic is being deleted does not survive', async () => {
      // Deterministic interleaving: Jira confirms the epic to the linking write, then the epic is deleted and the
      // trigger runs (before the link commits); the link's commit must then fail, and a retry is refused.
      const realGetIssues = forge.deps.jira.getIssues.bind(forge.deps.jira);
      let deletedDuringLink = false;
      forge.deps.jira.getIssues = async (ids) => {
        const found = await realGetIssues(ids);
        if (!deletedDuringLink && ids.includes(TR_FREE.id)) {
          deletedDuringLink = true;
          forge.jira.deleteIssue(TR_FREE.key);
          await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: TR_FREE.id, key: TR_FREE.key } });
        }
        return found;
      };
      const { revision } = await view(forge);
      const raced = await invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: { epicIds: [TR_FREE.id] } }, 'member');
      expect(deletedDuringLink).toBe(true);
      expect(raced).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('deleted in Jira') } });
      expect(await forge.deps.store.getEpicLinks(TR_FREE.id)).toEqual([]);
      const retried = await invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: { epicIds: [TR_FREE.id] } }, 'member');
      expect(retried).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });
  });
});

describe('found by the model-based test', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = await seededForge();
  });
  afterEach(() => forge.close());

  it('deleting a promoted debt item leaves its initiative with no dangling reference (MBT seeds 15, 21, 22)', async () => {
    let { revision } = await view(forge);
    revision = ok(
      await invoke<MutationResult>(
        forge,
        'createDebtItem',
        { baseRevision: revision, item: { title: 'Old TLS', category: 'security-risk', impact: 3, urgency: 3 } },
        'admin',
      ),
    ).revision;
    const promoted = ok(
      await invoke<MutationResult>(
        forge,
        'promoteDebtItem',
        { baseRevision: revision, debtId: 'D-1', initiative: { phaseId: 'P-1', targetQuarter: '2027-Q3', successMetric: { description: 'gone' } } },
        'admin',
      ),
    );
    const initiative = (await answeredView(promoted, () => view(forge))).initiatives.find((i) => i.fromDebtId === 'D-1')!;
    const deleted = ok(await invoke<MutationResult>(forge, 'deleteDebtItem', { baseRevision: promoted.revision, debtId: 'D-1' }, 'admin'));
    const deletedView = await answeredView(deleted, () => view(forge));
    expect(deletedView.initiatives.find((i) => i.id === initiative.id)!.fromDebtId).toBeNull();
    expect(deletedView.limitWarnings).toEqual([]);
    expect(deleted.change.diffs).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: initiative.id, field: 'fromDebtId', before: 'D-1', after: null })]),
    );
  });
});

describe('an epic from a project the caller cannot browse is invisible to them, and survives their edits', () => {
  let forge: LocalForge;
  const TR_EPIC_OF_I2 = epic('TR-6');
  beforeEach(async () => {
    forge = await seededForge();
    // The admin (who sees both projects) has TR's I-2 also track PAY's epic.
    const { revision } = await view(forge);
    ok(await invoke(forge, 'updateInitiative', { baseRevision: revision, initiativeId: 'I-2', patch: {}, epicKeys: [PAY_EPIC.key] }, 'admin'));
  });
  afterEach(() => forge.close());

  const hiddenFrom = (answer: unknown) => {
    const text = JSON.stringify(answer);
    return !text.includes(PAY_EPIC.id) && !text.includes(PAY_EPIC.key) && !text.includes('"10001"');
  };

  it('no read by the TR-only editor mentions it: view, changelog, progress, export, the epic panel', async () => {
    const v = await view(forge, TR, 'trEditor');
    expect(v.initiatives.find((i) => i.id === 'I-2')!.epicIds).toEqual([TR_EPIC_OF_I2.id]);
    expect(hiddenFrom(v)).toBe(true);
    for (const [key, payload] of [
      ['getChangelog', {}],
      ['getProgress', {}],
      ['exportRoadmap', { format: 'csv' }],
      ['exportRoadmap', { format: 'markdown' }],
    ] as const) {
      const answer = ok(await invoke(forge, key, payload, 'trEditor'));
      expect({ key, hidden: hiddenFrom(answer) }).toEqual({ key, hidden: true });
    }
    const panel = ok(await invoke<EpicContext>(forge, 'getEpicContext', {}, 'trEditor', issuePanel(TR, TR_EPIC_OF_I2)));
    expect(panel.links[0].initiative.epicIds).toEqual([TR_EPIC_OF_I2.id]);
    expect(hiddenFrom(panel)).toBe(true);
    // Someone who may browse PAY sees it.
    expect((await view(forge, TR, 'member')).initiatives.find((i) => i.id === 'I-2')!.epicIds).toContain(PAY_EPIC.id);
  });

  it('an edit or an import of what the TR-only editor sees keeps the hidden epic linked', async () => {
    const v = await view(forge, TR, 'trEditor');
    const saved = ok(
      await invoke<MutationResult>(
        forge,
        'updateInitiative',
        { baseRevision: v.revision, initiativeId: 'I-2', patch: { epicIds: [TR_EPIC_OF_I2.id, TR_FREE.id] } },
        'trEditor',
      ),
    );
    expect(hiddenFrom(saved)).toBe(true);
    const exported = ok(await invoke<{ content: string }>(forge, 'exportRoadmap', { format: 'csv' }, 'trEditor'));
    const preview = ok(
      await invoke<{ initiativesToUpdate: unknown[] }>(forge, 'previewImport', { text: exported.content, format: 'csv', mode: 'merge' }, 'trEditor'),
    );
    expect(preview.initiativesToUpdate).toEqual([]);
    const goal = v.initiatives.find((i) => i.id === 'I-2')!.goal;
    expect(exported.content).toContain(goal);
    const imported = ok(
      await invoke<MutationResult>(
        forge,
        'importRoadmap',
        { baseRevision: saved.revision, text: exported.content.replace(goal, `${goal} (re-imported)`), format: 'csv', mode: 'merge' },
        'trEditor',
      ),
    );
    expect((await answeredView(imported, () => view(forge, TR, 'trEditor'))).initiatives.find((i) => i.id === 'I-2')!.goal).toBe(`${goal} (re-imported)`);
    const asAdmin = await view(forge, TR, 'admin');
    expect(asAdmin.initiatives.find((i) => i.id === 'I-2')!.epicIds.sort()).toEqual([TR_EPIC_OF_I2.id, TR_FREE.id, PAY_EPIC.id].sort());
    expect(await forge.deps.store.getEpicLinks(PAY_EPIC.id)).toEqual([{ issueId: PAY_EPIC.id, projectId: TR.id, initiativeId: 'I-2' }]);
  });

  it('when it is deleted in Jira, TR’s changelog does not name it', async () => {
    forge.jira.deleteIssue(PAY_EPIC.key);
    await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: PAY_EPIC.id, key: PAY_EPIC.key } });
    const log = ok(await invoke<{ changes: Array<{ summary: string }> }>(forge, 'getChangelog', {}, 'trEditor'));
    expect(log.changes[0].summary).toBe('A linked epic was deleted in Jira; unlinked from "Centralize logging"');
    expect(hiddenFrom(log)).toBe(true);
  });
});
