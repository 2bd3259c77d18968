import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS, demoJiraData, JiraFake } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { MutationResult, ProgressReport, Result, RoadmapView } from '../../src/domain/api';

const TR = DEMO_PROJECTS.TR;
const NOW = new Date('2026-11-23T12:00:00Z');
const page = (user: keyof typeof DEMO_USERS, project: { id: string; key: string } = TR) => ({
  accountId: DEMO_USERS[user].accountId,
  extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key } },
});
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('epic progress from Jira, as the caller', () => {
  let forge: LocalForge;
  afterEach(() => forge.close());
  const start = async (jira?: JiraFake) => {
    forge = new LocalForge({ now: () => NOW, jira });
    await seedDemoRoadmap(forge);
  };
  const progress = async (user: keyof typeof DEMO_USERS = 'member', project?: { id: string; key: string }) =>
    (await forge.invoke('getProgress', {}, page(user, project))) as Result<ProgressReport>;

  it('rolls up each linked epic’s children by story points: fields, bulk fetch, one search after the permission check', async () => {
    await start();
    forge.jira.resetStats();
    const report = ok(await progress());
    expect(forge.jira.totalCalls).toBe(5);
    expect(report.pointsFieldId).toBe('customfield_10016');
    const nodeUpgrade = report.epics.find((e) => e.key === 'TR-1')!;
    // TR-1's children: done 2 + 3 points, in progress 2, to do 5 → 5 of 12 points.
    expect(nodeUpgrade).toMatchObject({
      state: 'ok',
      statusCategory: 'indeterminate',
      progress: { percentDone: 42, basis: 'points', issues: { total: 4, done: 2, inProgress: 1, todo: 1 } },
    });
    expect(report.initiatives['I-1']).toEqual({ progress: nodeUpgrade.progress, epics: 1, unavailableEpics: 0 });
    expect(report.epics).toHaveLength(6);
  });

  it('shows a deleted epic as unavailable instead of failing', async () => {
    await start();
    forge.jira.deleteIssue('TR-6');
    const report = ok(await progress());
    expect(report.epics.find((e) => e.id === DEMO_EPICS.find((d) => d.key === 'TR-6')!.id)).toEqual({ id: expect.any(String), state: 'unavailable' });
    expect(report.initiatives['I-2']).toMatchObject({ epics: 1, unavailableEpics: 1, progress: { percentDone: null, basis: 'none' } });
    expect(report.epics.filter((e) => e.state === 'ok')).toHaveLength(5);
  });

  it('an epic from a project the caller may not browse is left out of their progress entirely', async () => {
    await start();
    const pay = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;
    const view = ok((await forge.invoke('getRoadmapView', {}, page('admin'))) as Result<RoadmapView>);
    ok(
      (await forge.invoke(
        'updateInitiative',
        { baseRevision: view.revision, initiativeId: 'I-3', patch: {}, epicKeys: [pay.key] },
        page('admin'),
      )) as Result<MutationResult>,
    );
    expect(ok(await progress('admin')).epics.find((e) => e.id === pay.id)?.state).toBe('ok');
    const forOutsider = ok(await progress('outsider'));
    expect(forOutsider.epics.find((e) => e.id === pay.id)).toBeUndefined();
    expect(forOutsider.initiatives['I-3']).toMatchObject({ unavailableEpics: 0 });
    expect(JSON.stringify(forOutsider)).not.toContain(pay.summary);
    expect(JSON.stringify(forOutsider)).not.toContain(pay.id);
    expect(await progress('outsider', DEMO_PROJECTS.PAY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('discovers the story-point field from Jira instead of assuming its id', async () => {
    const data = demoJiraData();
    data.storyPointsFieldId = 'customfield_12345';
    await start(new JiraFake(data));
    expect(ok(await progress()).pointsFieldId).toBe('customfield_12345');
    expect(ok(await progress()).epics.find((e) => e.key === 'TR-1')?.progress?.basis).toBe('points');
  });

  it('a project without linked epics asks Jira nothing beyond the permission check', async () => {
    await start();
    ok((await forge.invoke('startRoadmap', { withExamples: true }, page('admin', DEMO_PROJECTS.PAY))) as Result<RoadmapView>);
    forge.jira.resetStats();
    expect(ok(await progress('member', DEMO_PROJECTS.PAY))).toEqual({ pointsFieldId: null, epics: [], initiatives: {} });
    expect(forge.jira.totalCalls).toBe(2);
  });
});
