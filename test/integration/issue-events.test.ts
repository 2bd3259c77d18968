import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_EPICS, DEMO_PROJECTS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';

const TR = DEMO_PROJECTS.TR;
const NOW = new Date('2026-11-23T12:00:00Z');

describe('Jira issue events (the trigger, as the app)', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = new LocalForge({ now: () => NOW });
    await seedDemoRoadmap(forge);
  });
  afterEach(() => forge.close());

  it('a deleted epic is unlinked from its initiative and the changelog says so', async () => {
    const epic = DEMO_EPICS.find((e) => e.key === 'TR-1')!;
    const before = await forge.deps.store.load(TR.id);
    forge.jira.deleteIssue(epic.key);
    const outcome = await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: epic.id, key: epic.key } });
    expect(outcome).toEqual({
      handled: true,
      unlinked: [{ projectId: TR.id, initiativeId: 'I-1', revision: before!.meta.revision + 1 }],
      invalidated: [TR.id],
    });
    const after = await forge.deps.store.load(TR.id);
    expect(after!.initiatives.find((i) => i.id === 'I-1')?.epicIds).toEqual([]);
    expect(await forge.deps.store.getEpicLinks(epic.id)).toEqual([]);
    const { changes } = await forge.deps.store.listChanges(TR.id, { limit: 1 });
    expect(changes[0]).toMatchObject({
      summary: 'Epic TR-1 was deleted in Jira; unlinked from "Upgrade Node.js to v22 LTS"',
      reason: 'Deleted in Jira',
      accountId: null,
      diffs: [{ entity: 'initiative', id: 'I-1', field: 'epicIds', before: [epic.id], after: [] }],
    });
    // Delivered twice (Jira retries events): the second delivery changes nothing.
    expect(await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: epic.id, key: epic.key } })).toEqual({
      handled: false,
      reason: 'the issue serves no initiative',
    });
  });

  it('ignores issues that serve no initiative, other events and junk', async () => {
    const story = forge.jira.data.issues.find((i) => i.issueType === 'Story')!;
    const revision = (await forge.deps.store.load(TR.id))!.meta.revision;
    expect(await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: story.id } })).toMatchObject({ handled: false });
    expect(await forge.trigger({ eventType: 'avi:jira:created:issue', issue: { id: DEMO_EPICS[0].id } })).toEqual({
      handled: false,
      reason: 'nothing to do for avi:jira:created:issue',
    });
    // An update to an issue in no roadmap (a PAY story: no PAY epic is linked) invalidates nothing.
    const payStory = forge.jira.data.issues.find((i) => i.projectId === DEMO_PROJECTS.PAY.id && i.issueType === 'Story')!;
    expect(await forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: payStory.id } })).toEqual({
      handled: false,
      reason: 'the issue is neither a linked epic nor a child of one',
    });
    expect(await forge.trigger({ nonsense: true })).toEqual({ handled: false, reason: 'not an issue event' });
    expect((await forge.deps.store.load(TR.id))!.meta.revision).toBe(revision);
  });

  it('retries when a user edit wins the race', async () => {
    const epic = DEMO_EPICS.find((e) => e.key === 'TR-6')!;
    // The first transaction fails as if a concurrent write had moved the revision on.
    forge.jira.deleteIssue(epic.key);
    // The first roadmap transaction (after the epoch bump) fails as if a concurrent write had moved the revision on.
    forge.kvs.faults.failNthCall(2, { status: 409, code: 'CONDITION_FAILED', message: 'condition failed' }, { path: '/api/v1/transaction' });
    const outcome = await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: epic.id, key: epic.key } });
    expect(outcome).toMatchObject({ handled: true, unlinked: [{ initiativeId: 'I-2' }] });
    expect((await forge.deps.store.load(TR.id))!.initiatives.find((i) => i.id === 'I-2')?.epicIds).toEqual([]);
  });
});
