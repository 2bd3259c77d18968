/**
 * The issue side panel's one invoke (getEpicContext) for each kind of issue, through the real resolvers and the Jira
 * fake: an epic (its initiative, its drift, its sibling epics), a story / task / sub-task under an epic that serves an
 * initiative ("via"), an unrelated issue (a quiet line and the way to the roadmap), and what is never said to someone
 * who may not browse a roadmap or an epic's project.
 */
import { DEMO_EPICS } from '../../dev/jira';
import type { LocalForge } from '../../dev/local-forge';
import type { EpicContext } from '../../src/domain/api';
import { call, FREE_TR_EPIC, FREE_TR_EPIC_2, LINKED_TR_EPIC, mustCall, PAY, projectPage, seededForge, TR, type UserName } from './support/harness';

const PAY_EPIC = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;
let forge: LocalForge;
beforeEach(async () => {
  forge = await seededForge();
});
afterEach(() => forge.close());

/** The panel on an issue (by key), as Jira's issue view would open it for `user`. */
function panel(key: string, user: UserName): Promise<EpicContext> {
  const issue = forge.jira.data.issues.find((i) => i.key === key)!;
  const project = forge.jira.data.projects.find((p) => p.id === issue.projectId)!;
  return mustCall<EpicContext>(forge, 'getEpicContext', {}, user, {
    type: 'jira:issueContext',
    project: { id: project.id, key: project.key },
    issue: { id: issue.id, key: issue.key, type: issue.issueType },
  });
}
const revision = async (projectId: string) => (await forge.deps.store.load(projectId))!.meta.revision;
async function addEpics(initiativeId: string, keys: string[], projectId = TR.id) {
  const page = projectPage(projectId === TR.id ? TR : PAY);
  await mustCall(forge, 'updateInitiative', { baseRevision: await revision(projectId), initiativeId, patch: {}, epicKeys: keys }, 'admin', page);
}

describe('on an epic: its initiative, its drift, its sibling epics — one invoke, few Jira requests', () => {
  it('shows the drift about this epic or its initiative, and every sibling epic’s progress', async () => {
    await addEpics('I-1', [FREE_TR_EPIC.key, FREE_TR_EPIC_2.key]);
    await mustCall(
      forge,
      'moveInitiative',
      { baseRevision: await revision(TR.id), initiativeId: 'I-1', to: { targetQuarter: '2026-Q2' }, reason: 'Planned earlier than it ran' },
      'admin',
      projectPage(TR),
    );
    forge.jira.deleteIssue(FREE_TR_EPIC_2.id);

    forge.jira.resetStats();
    const context = await panel(LINKED_TR_EPIC.key, 'member');
    // One bulk fetch and one child search for the initiative's epics (with the field list, the issue and the access check).
    expect(forge.jira.stats).toEqual({
      'GET /rest/api/3/issue/{issueIdOrKey}': 1,
      'GET /rest/api/3/mypermissions': 1,
      'GET /rest/api/3/project/{projectIdOrKey}': 1,
      'POST /rest/api/3/issue/bulkfetch': 1,
      'GET /rest/api/3/field': 1,
      'POST /rest/api/3/search/jql': 1,
    });
    expect(context.via).toBeNull();
    expect(context.links).toHaveLength(1);
    const [link] = context.links;
    expect(link.initiative).toMatchObject({ id: 'I-1', title: 'Upgrade Node.js to v22 LTS' });
    expect(link.unlink).toEqual({ revision: await revision(TR.id) });
    const delivery = link.delivery!;
    // The initiative is two quarters late: said here. The deleted sibling's own flag is the sibling's, not this epic's.
    expect(delivery.drift.map((f) => f.key)).toEqual(['past-target:I-1']);
    expect(delivery.drift[0].message).toContain('2 quarters late');
    expect(delivery.epics).toEqual([
      {
        id: LINKED_TR_EPIC.id,
        key: 'TR-1',
        summary: 'Upgrade Node.js to v22 LTS',
        state: 'ok',
        statusCategory: 'indeterminate',
        percentDone: 42,
        current: true,
      },
      { id: FREE_TR_EPIC.id, key: FREE_TR_EPIC.key, summary: FREE_TR_EPIC.summary, state: 'ok', statusCategory: 'new', percentDone: 11, current: false },
      { id: FREE_TR_EPIC_2.id, key: null, summary: null, state: 'unavailable', statusCategory: null, percentDone: null, current: false },
    ]);
    expect(delivery.progress).toMatchObject({ basis: 'points', points: { total: 21, done: 6 } });
    expect(context.home).toEqual({ project: TR, hasRoadmap: true, canStart: false });

    // A sibling's panel shows the same initiative-level drift, and not the flag about the deleted epic either.
    const other = await panel(FREE_TR_EPIC.key, 'member');
    expect(other.links[0].delivery!.drift.map((f) => f.key)).toEqual(['past-target:I-1']);
  });

  it('never lists or counts an epic of a project the caller cannot browse', async () => {
    await addEpics('I-1', [PAY_EPIC.key]);
    const admin = await panel(LINKED_TR_EPIC.key, 'admin');
    expect(admin.links[0].delivery!.epics.map((e) => e.key)).toEqual(['TR-1', PAY_EPIC.key]);
    for (const user of ['trEditor', 'outsider'] as const) {
      const context = await panel(LINKED_TR_EPIC.key, user);
      expect(context.links[0].delivery!.epics.map((e) => e.key)).toEqual(['TR-1']);
      expect(context.links[0].initiative.epicIds).toEqual([LINKED_TR_EPIC.id]);
      const text = JSON.stringify(context);
      for (const secret of [PAY_EPIC.id, PAY_EPIC.key, PAY_EPIC.summary, PAY.name])
        expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
    }
  });

  it('an unlinked epic: the quiet line’s roadmap, and the link form for editors', async () => {
    const member = await panel(FREE_TR_EPIC.key, 'member');
    expect(member).toMatchObject({ links: [], via: null, home: { project: TR, hasRoadmap: true, canStart: false } });
    expect(member.linking?.initiatives.length).toBeGreaterThan(0);
    const outsider = await panel(FREE_TR_EPIC.key, 'outsider');
    expect(outsider).toMatchObject({ links: [], via: null, linking: null, home: { project: TR, hasRoadmap: true, canStart: false } });
  });
});

describe('on a story, task, bug or sub-task: via its parent epic', () => {
  it('a task under an epic that serves an initiative: "via epic TR-1 → initiative", its horizon and status, read-only', async () => {
    const context = await panel('TR-2', 'member');
    expect(context.via).toEqual({ id: LINKED_TR_EPIC.id, key: 'TR-1', summary: 'Upgrade Node.js to v22 LTS' });
    expect(context.links).toHaveLength(1);
    expect(context.links[0]).toMatchObject({ initiative: { id: 'I-1', horizon: 'now', status: 'in-progress' }, unlink: null, delivery: null });
    expect(context.linking).toBeNull();
  });

  it('a sub-task follows its story up to the epic', async () => {
    const subtask = forge.jira.addIssue({ project: 'TR', issueType: 'Subtask', summary: 'Pin the base image digest', parent: 'TR-2' });
    const context = await panel(subtask.key, 'outsider');
    expect(context.via?.key).toBe('TR-1');
    expect(context.links.map((l) => l.initiative.id)).toEqual(['I-1']);
  });

  it('a story under an epic that serves no initiative, and one with no parent: the quiet line only', async () => {
    const underFree = forge.jira.data.issues.find((i) => i.parentId === FREE_TR_EPIC.id)!;
    expect(await panel(underFree.key, 'member')).toMatchObject({ links: [], via: null, linking: null, home: { project: TR, hasRoadmap: true } });
    const loose = forge.jira.addIssue({ project: 'TR', issueType: 'Bug', summary: 'A bug with no epic' });
    expect(await panel(loose.key, 'admin')).toMatchObject({ links: [], via: null, home: { project: TR, hasRoadmap: true, canStart: true } });
  });

  it('an issue of a project without a roadmap: where an admin starts one (and only admins are told they can)', async () => {
    const story = forge.jira.data.issues.find((i) => i.projectId === PAY.id && i.parentId)!;
    expect((await panel(story.key, 'admin')).home).toEqual({ project: PAY, hasRoadmap: false, canStart: true });
    expect((await panel(story.key, 'member')).home).toEqual({ project: PAY, hasRoadmap: false, canStart: false });
  });
});

describe('nothing about roadmaps or epics the caller may not see', () => {
  /** PAY's roadmap, started by its admin, whose initiative is served by TR-28 (a TR epic) and PAY-1. */
  async function payRoadmapServedByTrEpic() {
    await mustCall(forge, 'startRoadmap', { withExamples: false }, 'admin', projectPage(PAY));
    await mustCall(
      forge,
      'createInitiative',
      {
        baseRevision: await revision(PAY.id),
        initiative: { title: 'Card vault tokenisation', phaseId: 'P-1', successMetric: { description: 'No PANs' }, targetQuarter: '2027-Q1' },
        epicKeys: [FREE_TR_EPIC.key, PAY_EPIC.key],
      },
      'admin',
      projectPage(PAY),
    );
  }

  it('a story whose parent epic serves only a roadmap the caller cannot browse: the quiet line, nothing leaked', async () => {
    await payRoadmapServedByTrEpic();
    const story = forge.jira.data.issues.find((i) => i.parentId === FREE_TR_EPIC.id)!;
    // The admin browses PAY: via TR-28 → PAY's initiative.
    const admin = await panel(story.key, 'admin');
    expect(admin.via?.key).toBe(FREE_TR_EPIC.key);
    expect(admin.links.map((l) => [l.project.key, l.initiative.title])).toEqual([['PAY', 'Card vault tokenisation']]);

    for (const user of ['trEditor', 'outsider'] as const) {
      const context = await panel(story.key, user);
      expect(context).toEqual({
        issue: { id: story.id, key: story.key, summary: story.summary, issueType: story.issueType },
        links: [],
        via: null,
        linking: null,
        home: { project: TR, hasRoadmap: true, canStart: false },
      });
      // Exactly what a story under an epic serving nothing answers.
      const text = JSON.stringify(context);
      for (const secret of ['Card vault', PAY.name, PAY.key, PAY.id]) expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
    }
  });

  it('a story whose parent epic lives in a project the caller cannot see: the quiet line, as for no parent', async () => {
    await payRoadmapServedByTrEpic();
    const story = forge.jira.addIssue({ project: 'TR', issueType: 'Story', summary: 'Card form for TR', parent: PAY_EPIC.key });
    const asTrEditor = await panel(story.key, 'trEditor');
    expect(asTrEditor).toMatchObject({ links: [], via: null, home: { project: TR } });
    expect(JSON.stringify(asTrEditor)).not.toContain(PAY_EPIC.key);
    expect((await panel(story.key, 'admin')).via?.key).toBe(PAY_EPIC.key);
  });

  it('an issue the caller cannot see at all answers NOT_FOUND, as one that does not exist', async () => {
    const hidden = forge.jira.data.issues.find((i) => i.projectId === PAY.id)!;
    const refused = await call(forge, 'getEpicContext', {}, 'trEditor', { type: 'jira:issueContext', project: { id: PAY.id }, issue: { id: hidden.id } });
    const missing = await call(forge, 'getEpicContext', {}, 'trEditor', { type: 'jira:issueContext', project: { id: PAY.id }, issue: { id: '99999' } });
    expect(refused).toEqual(missing);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
