import { seedDemoRoadmap } from '../../dev/demo-seed';
import { addLinkedEpics, storeLinkedEpicsRoadmap } from '../../dev/fixtures/linked-epics';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { MutationResult, ProgressReport, Result, RoadmapView } from '../../src/domain/api';
import { parentGroups } from '../../src/jira/forge-jira';
import { EPICS_PER_PART, PROGRESS_TTL_MS, SETTLE_MS } from '../../src/resolvers/progress-cache';
import { queryPrefix, storageSnapshot } from './support/harness';

/**
 * The progress cache (src/resolvers/progress-cache.ts) through the real path: resolver → KVS emulator + Jira fake.
 * "Progress requests" are the ones progress itself makes — bulk fetch, search/jql and the field list — counted per
 * endpoint by the fake. The access check (mypermissions + project, as the caller) runs on every call, warm or cold.
 */
const TR = DEMO_PROJECTS.TR;
const PAY = DEMO_PROJECTS.PAY;
const T0 = new Date('2026-11-23T12:00:00Z');
type User = keyof typeof DEMO_USERS;

const BULK = 'POST /rest/api/3/issue/bulkfetch';
const SEARCH = 'POST /rest/api/3/search/jql';
const FIELD = 'GET /rest/api/3/field';
const PERMISSIONS = 'GET /rest/api/3/mypermissions';
const PROJECT = 'GET /rest/api/3/project/{projectIdOrKey}';
const GET_ISSUE = 'GET /rest/api/3/issue/{issueIdOrKey}';

const page = (project: { id: string; key: string } = TR) => ({ type: 'jira:projectPage', project: { id: project.id, key: project.key } });
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const demoEpic = (key: string) => DEMO_EPICS.find((e) => e.key === key)!;

describe('epic progress cache: per user, short-lived, invalidated by Jira events', () => {
  let forge: LocalForge;
  let clock: Date;
  afterEach(() => forge.close());

  const start = async (seed = true) => {
    clock = T0;
    forge = new LocalForge({ now: () => clock });
    if (seed) await seedDemoRoadmap(forge);
  };
  const progress = async (user: User = 'member', project = TR) =>
    (await forge.invoke('getProgress', {}, { accountId: DEMO_USERS[user].accountId, extension: page(project) })) as Result<ProgressReport>;
  /** Resets the fake's counters, reads progress, and says which Jira requests the read made. */
  const measured = async (user: User = 'member', project = TR) => {
    forge.jira.resetStats();
    const report = ok(await progress(user, project));
    const stats = forge.jira.stats;
    const calls = (endpoint: string) => stats[endpoint] ?? 0;
    return { report, bulk: calls(BULK), search: calls(SEARCH), field: calls(FIELD), access: calls(PERMISSIONS) + calls(PROJECT), all: stats };
  };
  const progressRequests = (m: { bulk: number; search: number; field: number }) => m.bulk + m.search + m.field;
  const view = async (user: User = 'admin') =>
    ok((await forge.invoke('getRoadmapView', {}, { accountId: DEMO_USERS[user].accountId, extension: page() })) as Result<RoadmapView>);
  const epicOf = (report: ProgressReport, key: string) => report.epics.find((e) => e.key === key);
  const childOf = (epicKey: string, n = 0) => forge.jira.data.issues.filter((i) => i.parentId === demoEpic(epicKey).id)[n];

  describe('warm and cold', () => {
    it('a reopened view makes 0 progress requests while the cache is warm; the access check still runs', async () => {
      await start();
      const cold = await measured();
      expect(cold).toMatchObject({ bulk: 1, search: 1, field: 1, access: 2 });
      const warm = await measured();
      expect(warm.all).toEqual({ [PERMISSIONS]: 1, [PROJECT]: 1 });
      expect(progressRequests(warm)).toBe(0);
      expect(warm.report).toEqual(cold.report);
      // The story-point field is site configuration: another user's cold read does not ask for it again.
      const other = await measured('admin');
      expect(other).toMatchObject({ bulk: 1, search: 1, field: 0 });
    });

    it('cold: exactly ⌈epics/100⌉ bulk fetches plus the children’s pages, a few requests in flight', async () => {
      await start(false);
      const childrenOf = (n: number) => [0, 3, 1, 4, 2][n % 5];
      const ids = addLinkedEpics(forge.jira, { project: TR, count: 250, childrenOf });
      await storeLinkedEpicsRoadmap(forge, TR, ids, T0);
      forge.jira.faults.latency(/^\/rest\/api\/3\/(issue\/bulkfetch|search\/jql)$/, 5);
      const cold = await measured();
      // Pages per `parent in (…)` query: ⌈its children/100⌉ (Jira's page size with fields), at least one.
      const childCount = (group: string[]) => group.reduce((sum, id) => sum + childrenOf(ids.indexOf(id)), 0);
      const groups = parentGroups(ids);
      const expectedPages = groups.reduce((sum, group) => sum + Math.max(1, Math.ceil(childCount(group) / 100)), 0);
      const floor = Math.ceil(childCount(ids) / 100);
      expect(cold).toMatchObject({ bulk: Math.ceil(250 / 100), search: expectedPages, field: 1 });
      expect(expectedPages).toBeLessThanOrEqual(floor + groups.length - 1);
      expect(forge.jira.maxInFlight).toBeGreaterThan(1);
      expect(forge.jira.maxInFlight).toBeLessThanOrEqual(5); // 4 bulk fetches + the field list, at most
      expect(cold.report.epics).toHaveLength(250);
      expect(cold.report.epics.every((e) => e.state === 'ok')).toBe(true);
      expect(cold.report.epics[1].progress?.issues.total).toBe(3);
      // Warm: nothing from Jira but the access check; the entry spans ⌈250/100⌉ parts, each under 240 KiB.
      const warm = await measured();
      expect(progressRequests(warm)).toBe(0);
      expect(warm.report).toEqual(cold.report);
      const parts = (await queryPrefix(forge, `pg:${TR.id}:u:`)) as Array<{ key: string }>;
      expect(parts.map((p) => p.key)).toEqual([0, 1, 2].map((n) => `pg:${TR.id}:u:${DEMO_USERS.member.accountId}:00${n}`));
      expect(Math.ceil(250 / EPICS_PER_PART)).toBe(3);
    });

    it('2,000 linked epics at 100 ms per Jira request: cold well inside the 25 s limit, warm with no progress request', async () => {
      await start(false);
      const ids = addLinkedEpics(forge.jira, { project: TR, count: 2000 });
      await storeLinkedEpicsRoadmap(forge, TR, ids, T0);
      forge.jira.faults.latency(/^\/rest\/api\/3\//, 100);
      const started = Date.now();
      const cold = await measured();
      const coldMs = Date.now() - started;
      expect(cold.bulk).toBe(20);
      expect(cold.search).toBeLessThanOrEqual(Math.ceil((2000 * 5) / 100) + 3);
      expect(forge.jira.maxInFlight).toBeLessThanOrEqual(5);
      expect(coldMs).toBeLessThan(12_000);
      const warm = await measured();
      expect(progressRequests(warm)).toBe(0);
      expect(warm.report.epics).toHaveLength(2000);
      expect(warm.report).toEqual(cold.report);
    }, 60_000);
  });

  describe('invalidation', () => {
    it('a child started in Jira + its update event: the next read is fresh (parent asked of Jira as the app)', async () => {
      await start();
      const before = epicOf((await measured()).report, 'TR-10')!;
      const child = forge.jira.data.issues.find((i) => i.parentId === demoEpic('TR-10').id && i.statusCategory === 'new')!;
      forge.jira.setIssueStatus(child.id, 'indeterminate');
      // No event yet: the entry is still fresh by its TTL, so the change is not seen.
      expect(epicOf((await measured()).report, 'TR-10')).toEqual(before);
      forge.jira.resetStats();
      expect(await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: child.id, key: child.key } })).toEqual({
        handled: true,
        unlinked: [],
        invalidated: [TR.id],
      });
      expect(forge.jira.stats[GET_ISSUE]).toBe(1); // the parent, asked as the app
      const after = await measured();
      expect(after.bulk).toBe(1);
      expect(epicOf(after.report, 'TR-10')!.progress!.issues.inProgress).toBe(before.progress!.issues.inProgress + 1);
    });

    it('the parent named by the event (fields.parent or a changelog re-parenting) is used without asking Jira', async () => {
      await start();
      await measured();
      const child = childOf('TR-1');
      forge.jira.resetStats();
      const outcome = await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: child.id, fields: { parent: { id: demoEpic('TR-1').id } } } });
      expect(outcome).toMatchObject({ handled: true, invalidated: [TR.id] });
      // Moved from TR-1 (linked) to a PAY epic (not linked): the changelog's `from` names the epic it left.
      const moved = await forge.trigger({
        eventType: 'avi:jira:updated:issue',
        issue: { id: child.id },
        changelog: { items: [{ field: 'IssueParentAssociation', from: demoEpic('TR-1').id, to: DEMO_EPICS.find((e) => e.projectKey === 'PAY')!.id }] },
      });
      expect(moved).toMatchObject({ handled: true, invalidated: [TR.id] });
      expect(forge.jira.stats[GET_ISSUE] ?? 0).toBe(0);
      expect((await measured()).bulk).toBe(1);
    });

    it('an epic closed, moved to another project, or deleted + its event: the next read is fresh', async () => {
      await start();
      await measured();
      const [closed, moved, deleted] = ['TR-6', 'TR-15', 'TR-24'].map(demoEpic);
      const nodeChild = childOf('TR-1');

      forge.jira.setIssueStatus(closed.id, 'done');
      await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: closed.id } });
      expect(epicOf((await measured()).report, 'TR-6')?.statusCategory).toBe('done');

      const record = forge.jira.data.issues.find((i) => i.id === moved.id)!;
      Object.assign(record, { projectId: PAY.id, key: 'PAY-900' });
      await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: moved.id } });
      const afterMove = await measured();
      expect(afterMove.report.epics.find((e) => e.id === moved.id)).toMatchObject({ state: 'moved', projectId: PAY.id, projectKey: 'PAY', key: 'PAY-900' });

      forge.jira.deleteIssue(deleted.id);
      expect(await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: deleted.id, key: deleted.key } })).toMatchObject({
        handled: true,
        invalidated: [TR.id],
      });
      const afterDelete = await measured();
      expect(afterDelete.bulk).toBe(1);
      expect(afterDelete.report.epics.find((e) => e.id === deleted.id)).toBeUndefined(); // unlinked by the trigger

      // A deleted child whose event names its parent: that epic's roadmap goes cold too.
      const total = epicOf(afterDelete.report, 'TR-1')!.progress!.issues.total;
      forge.jira.deleteIssue(nodeChild.id);
      expect(
        await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: nodeChild.id, fields: { parent: { id: demoEpic('TR-1').id } } } }),
      ).toEqual({ handled: true, unlinked: [], invalidated: [TR.id] });
      expect(epicOf((await measured()).report, 'TR-1')!.progress!.issues.total).toBe(total - 1);
    });

    it('an update event delivered twice: the same outcome, roadmaps untouched, every user cold once', async () => {
      await start();
      await measured('member');
      await measured('admin');
      const before = await storageSnapshot(forge);
      const event = { eventType: 'avi:jira:updated:issue', issue: { id: demoEpic('TR-1').id, key: 'TR-1' } };
      const first = await forge.trigger(event);
      expect(await forge.trigger(event)).toEqual(first);
      expect(first).toEqual({ handled: true, unlinked: [], invalidated: [TR.id] });
      expect(await storageSnapshot(forge)).toBe(before);
      for (const user of ['member', 'admin'] as const) {
        expect((await measured(user)).bulk).toBe(1);
        expect(progressRequests(await measured(user))).toBe(0);
      }
    });

    it('junk in the event is ignored: a malformed parent or changelog falls back to Jira, a malformed id is no event', async () => {
      await start();
      const child = childOf('TR-1');
      expect(
        await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: child.id, fields: { parent: { id: '../rm:10000' } } }, changelog: 'x' }),
      ).toMatchObject({ handled: true, invalidated: [TR.id] });
      expect(await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: 'pg:10000:epoch' } })).toEqual({
        handled: false,
        reason: 'not an issue event',
      });
      expect(
        await forge.trigger({
          eventType: 'avi:jira:updated:issue',
          issue: { id: child.id },
          changelog: { items: [{ field: 'parent', from: 'pg:1', to: 'x' }] },
        }),
      ).toMatchObject({ handled: true, invalidated: [TR.id] });
      expect(await queryPrefix(forge, 'pg:')).toHaveLength(1); // just TR's epoch
    });

    it('entries expire after the TTL: fresh at 10 min minus 1 ms, cold at 10 min', async () => {
      await start();
      await measured();
      forge.jira.setIssueStatus(demoEpic('TR-10').id, 'done'); // no event: only the TTL can notice
      clock = new Date(T0.getTime() + PROGRESS_TTL_MS - 1);
      const stillWarm = await measured();
      expect(progressRequests(stillWarm)).toBe(0);
      expect(epicOf(stillWarm.report, 'TR-10')?.statusCategory).toBe('new');
      clock = new Date(T0.getTime() + PROGRESS_TTL_MS);
      const expired = await measured();
      expect(expired.bulk).toBe(1);
      expect(expired.field).toBe(0); // the site's field id is fresh for an hour
      expect(epicOf(expired.report, 'TR-10')?.statusCategory).toBe('done');
    });

    it('an entry built right after an event lives only until Jira’s search index has settled, then the usual TTL', async () => {
      await start();
      await measured();
      await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: demoEpic('TR-10').id } });
      clock = new Date(T0.getTime() + 5_000);
      expect((await measured()).bulk).toBe(1); // built 5 s after the change: may predate the index
      clock = new Date(T0.getTime() + SETTLE_MS - 1);
      expect(progressRequests(await measured())).toBe(0);
      clock = new Date(T0.getTime() + SETTLE_MS);
      expect((await measured()).bulk).toBe(1); // rebuilt once the index has caught up…
      clock = new Date(T0.getTime() + SETTLE_MS + PROGRESS_TTL_MS - 1);
      expect(progressRequests(await measured())).toBe(0); // …and that one keeps the full TTL
    });

    it('linking or unlinking an epic changes the set an entry covers: the next read is cold', async () => {
      await start();
      await measured();
      const free = DEMO_EPICS.find((e) => e.summary === 'Retire the legacy auth service')!;
      const { revision } = await view();
      const linked = ok(
        (await forge.invoke(
          'updateInitiative',
          { baseRevision: revision, initiativeId: 'I-1', patch: {}, epicKeys: ['TR-1', free.key] },
          { accountId: DEMO_USERS.admin.accountId, extension: page() },
        )) as Result<MutationResult>,
      );
      const afterLink = await measured();
      expect(afterLink.bulk).toBe(1);
      expect(afterLink.report.epics.map((e) => e.id)).toContain(free.id);
      ok(
        (await forge.invoke(
          'updateInitiative',
          { baseRevision: linked.revision, initiativeId: 'I-1', patch: { epicIds: [demoEpic('TR-1').id] } },
          { accountId: DEMO_USERS.admin.accountId, extension: page() },
        )) as Result<MutationResult>,
      );
      const afterUnlink = await measured();
      expect(afterUnlink.bulk).toBe(1);
      expect(afterUnlink.report.epics.map((e) => e.id)).not.toContain(free.id);
      expect(progressRequests(await measured())).toBe(0);
    });
  });

  describe('whose view: cache what Jira answered to whom', () => {
    it('an epic of a project one user cannot browse: each gets only their own view, even right after the other warmed it', async () => {
      await start();
      const payEpic = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;
      const { revision } = await view();
      ok(
        (await forge.invoke(
          'updateInitiative',
          { baseRevision: revision, initiativeId: 'I-3', patch: {}, epicKeys: [payEpic.key] },
          { accountId: DEMO_USERS.admin.accountId, extension: page() },
        )) as Result<MutationResult>,
      );
      const admin = await measured('admin');
      expect(admin.report.epics.find((e) => e.id === payEpic.id)).toMatchObject({ state: 'ok', summary: payEpic.summary });
      for (const user of ['trEditor', 'outsider'] as const) {
        const theirs = await measured(user);
        expect(theirs.bulk).toBe(1); // their own cold read, never the admin's entry
        expect(JSON.stringify(theirs.report)).not.toContain(payEpic.id);
        expect(JSON.stringify(theirs.report)).not.toContain(payEpic.summary);
        expect(JSON.stringify(await measured(user))).not.toContain(payEpic.id);
      }
      // And the other way round: the admin's warm read still has the PAY epic.
      const adminAgain = await measured('admin');
      expect(progressRequests(adminAgain)).toBe(0);
      expect(adminAgain.report.epics.find((e) => e.id === payEpic.id)?.state).toBe('ok');
      const keys = ((await queryPrefix(forge, `pg:${TR.id}:u:`)) as Array<{ key: string }>).map((row) => row.key).sort();
      expect(keys).toEqual(['admin', 'outsider', 'trEditor'].map((u) => `pg:${TR.id}:u:${DEMO_USERS[u as User].accountId}:000`).sort());
    });

    it('issues hidden by issue security: a child and an epic only the admin may see count only for the admin', async () => {
      await start();
      const hiddenChild = forge.jira.addIssue({
        project: 'TR',
        issueType: 'Story',
        summary: 'Security fix',
        parent: 'TR-1',
        statusCategory: 'done',
        storyPoints: 13,
      });
      hiddenChild.viewers = [DEMO_USERS.admin.accountId];
      forge.jira.data.issues.find((i) => i.key === 'TR-6')!.viewers = [DEMO_USERS.admin.accountId];
      const admin = await measured('admin');
      const member = await measured('member');
      expect(member.bulk).toBe(1);
      expect(epicOf(admin.report, 'TR-1')!.progress!.issues.total).toBe(epicOf(member.report, 'TR-1')!.progress!.issues.total + 1);
      expect(epicOf(admin.report, 'TR-1')!.progress!.points.done).toBe(epicOf(member.report, 'TR-1')!.progress!.points.done + 13);
      expect(epicOf(admin.report, 'TR-6')?.state).toBe('ok');
      expect(member.report.epics.find((e) => e.id === demoEpic('TR-6').id)).toEqual({ id: demoEpic('TR-6').id, state: 'unavailable' });
      expect(JSON.stringify(member.report)).not.toContain(demoEpic('TR-6').summary);
      // Both warm now, each still their own.
      expect((await measured('member')).report).toEqual(member.report);
      expect((await measured('admin')).report).toEqual(admin.report);
    });

    it('revoked access takes effect at once, warm cache or not; a foreign project turning hidden makes the entry cold', async () => {
      await start();
      await measured('member');
      forge.jira.setProjectPermissions(DEMO_USERS.member.accountId, TR.id, []);
      expect(await progress('member')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const payEpic = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;
      const { revision } = await view();
      ok(
        (await forge.invoke(
          'updateInitiative',
          { baseRevision: revision, initiativeId: 'I-3', patch: {}, epicKeys: [payEpic.key] },
          { accountId: DEMO_USERS.admin.accountId, extension: page() },
        )) as Result<MutationResult>,
      );
      expect((await measured('admin')).report.epics.some((e) => e.id === payEpic.id)).toBe(true);
      forge.jira.setProjectPermissions(DEMO_USERS.admin.accountId, PAY.id, []);
      const hidden = await measured('admin');
      expect(hidden.bulk).toBe(1);
      expect(JSON.stringify(hidden.report)).not.toContain(payEpic.id);
    });
  });

  describe('storage', () => {
    it('reads and writes an entry of many parts in one batch per 25 keys, side by side', async () => {
      await start(false);
      const parts = Array.from({ length: 30 }, (_, n) => ({ n, pad: 'x'.repeat(150_000) }));
      forge.kvs.resetStats();
      await forge.deps.progressCache.writeParts(TR.id, DEMO_USERS.member.accountId, parts, 60);
      // 30 values of ~150 KB: ≤ 25 keys and < 4 MB per batch set.
      expect(forge.kvs.stats.calls['/api/v1/batch/set']).toBe(2);
      forge.kvs.resetStats();
      const read = await forge.deps.progressCache.read(TR.id, DEMO_USERS.member.accountId, 30);
      expect(forge.kvs.stats.calls['/api/v1/batch/get']).toBe(2); // 32 keys: epoch, field and 30 parts
      expect(read).toEqual({ epoch: null, parts, pointsField: undefined });
      await forge.deps.progressCache.bumpEpoch(TR.id, T0);
      expect((await forge.deps.progressCache.read(TR.id, null, 0)).epoch).toEqual({ token: expect.any(String), at: T0.getTime() });
      expect((await forge.deps.progressCache.read(TR.id, DEMO_USERS.admin.accountId, 2)).parts).toEqual([undefined, undefined]);
    });
  });

  describe('faults', () => {
    it('a cache write that fails never fails the read; the next read is simply cold', async () => {
      await start();
      forge.kvs.faults.failWhen((path) => path === '/api/v1/batch/set', { status: 500, code: 'INTERNAL_SERVER_ERROR' });
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        const first = await measured();
        expect(first.report.epics).toHaveLength(6);
        expect(warn).toHaveBeenCalled();
        expect((await measured()).bulk).toBe(1);
      } finally {
        warn.mockRestore();
      }
      forge.kvs.faults.clear();
      expect((await measured()).bulk).toBe(1);
      expect(progressRequests(await measured())).toBe(0);
    });

    it('an answer Jira could not complete (bulk fetch issueErrors) is shown but not cached', async () => {
      await start();
      const real = forge.deps.jira.getEpicStatuses.bind(forge.deps.jira);
      forge.deps.jira.getEpicStatuses = async (ids) => {
        const answer = await real(ids);
        const failed = demoEpic('TR-6').id;
        return { epics: answer.epics.filter((e) => e.id !== failed), failedIds: [failed] };
      };
      const partial = await measured();
      expect(partial.report.epics.find((e) => e.id === demoEpic('TR-6').id)?.state).toBe('unavailable');
      forge.deps.jira.getEpicStatuses = real;
      const whole = await measured();
      expect(whole.bulk).toBe(1);
      expect(epicOf(whole.report, 'TR-6')?.state).toBe('ok');
      expect(progressRequests(await measured())).toBe(0);
    });

    it('epics whose parts would exceed 240 KiB are answered but not stored (never a partial entry)', async () => {
      await start(false);
      const ids = addLinkedEpics(forge.jira, { project: TR, count: 100, childrenOf: () => 0 });
      for (const issue of forge.jira.data.issues) if (ids.includes(issue.id)) issue.summary = '漢'.repeat(1000);
      await storeLinkedEpicsRoadmap(forge, TR, ids, T0);
      const first = await measured();
      expect(first.report.epics).toHaveLength(100);
      expect(await queryPrefix(forge, `pg:${TR.id}:u:`)).toEqual([]);
      expect((await measured()).bulk).toBe(1);
    });

    it('a cache that cannot be read answers from Jira', async () => {
      await start();
      await measured();
      forge.kvs.faults.failWhen((path) => path === '/api/v1/batch/get', { status: 429, code: 'RATE_LIMIT_EXCEEDED' });
      const answer = await measured();
      expect(answer.bulk).toBe(1);
      expect(answer.report.epics).toHaveLength(6);
      forge.kvs.faults.clear();
    });
  });
});
