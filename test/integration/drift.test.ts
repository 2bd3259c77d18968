/**
 * Drift through the real path: the roadmap and progress a user gets from the resolvers (getRoadmapView, getProgress,
 * as them), then driftOf — with the Jira fake mutated between reads as Jira would change: a child issue started,
 * every epic closed, an epic moved to another project, one deleted, one hidden from the caller. Each change is
 * followed by the issue event Jira would send (so a progress cache, if any, is told), except for the deletion, whose
 * drift is exactly what is seen before the deleted-issue event unlinks it.
 */
import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { CreateInitiativeResult, MutationResult, ProgressReport, Result, RoadmapView } from '../../src/domain/api';
import { driftOf, type DriftReport } from '../../src/domain/rules/drift';
import { PROGRESS_TTL_MS } from '../../src/resolvers/progress-cache';

const TR = DEMO_PROJECTS.TR;
const PAY = DEMO_PROJECTS.PAY;
const NOW = new Date('2026-11-23T12:00:00Z');
type User = keyof typeof DEMO_USERS;
const page = (user: User) => ({ accountId: DEMO_USERS[user].accountId, extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } } });
const ok = <T>(r: unknown): T => {
  const result = r as Result<T>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const epic = (key: string) => DEMO_EPICS.find((e) => e.key === key)!;

describe('drift from the resolvers, with Jira changing underneath', () => {
  let forge: LocalForge;
  /** The app's clock: NOW, unless a test lets time pass. */
  let clock: Date;
  beforeEach(async () => {
    clock = NOW;
    forge = new LocalForge({ now: () => clock });
    await seedDemoRoadmap(forge);
  });
  afterEach(() => forge.close());

  /** What `user` sees: their view and their progress, through the resolvers, and the drift of the two. */
  const driftAs = async (user: User): Promise<DriftReport> => {
    const view = ok<RoadmapView>(await forge.invoke('getRoadmapView', {}, page(user)));
    const progress = ok<ProgressReport>(await forge.invoke('getProgress', {}, page(user)));
    return driftOf(view, progress, NOW);
  };
  const keysAs = async (user: User) => (await driftAs(user)).flags.map((f) => f.key);
  /** Jira tells the app an issue changed (its cache, if any, must forget what it knew). */
  const updated = (id: string) => forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id } });
  const write = async (key: string, payload: Record<string, unknown>, user: User = 'admin') => {
    const view = ok<RoadmapView>(await forge.invoke('getRoadmapView', {}, page(user)));
    return ok<MutationResult>(await forge.invoke(key, { baseRevision: view.revision, ...payload }, page(user)));
  };

  it('the seeded roadmap: a done epic on planned work, and Later work already under way', async () => {
    // I-4 (CDN, Next) holds TR-15, done; I-5 and I-6 (Later) hold epics with issues in progress.
    expect(await keysAs('member')).toEqual(['epics-done:I-4', 'later-in-progress:I-5', 'later-in-progress:I-6']);
    expect(await keysAs('outsider')).toEqual(await keysAs('member'));
  });

  it('an epic whose first child issue starts clears "not started"', async () => {
    const fresh = forge.jira.addIssue({ project: 'TR', issueType: 'Epic', summary: 'Rotate database credentials' });
    const child = forge.jira.addIssue({ project: 'TR', issueType: 'Task', summary: 'Move secrets to the vault', parent: fresh.id, storyPoints: 3 });
    const created = ok<CreateInitiativeResult>(
      await forge.invoke(
        'createInitiative',
        {
          baseRevision: ok<RoadmapView>(await forge.invoke('getRoadmapView', {}, page('admin'))).revision,
          initiative: { title: 'Rotate credentials', phaseId: 'P-1', successMetric: { description: 'Secrets older than 90 days' }, targetQuarter: '2026-Q4' },
          epicKeys: [fresh.key],
        },
        page('admin'),
      ),
    );
    const id = created.initiativeId;
    const report = await driftAs('member');
    expect(report.flags.find((f) => f.initiativeId === id)).toMatchObject({
      key: `now-not-started:${id}`,
      epicIds: [fresh.id],
      message: `“Rotate credentials” (${id}) is in Now, but its epic ${fresh.key} has not started in Jira.`,
      fix: { action: 'move', horizon: 'next' },
    });

    forge.jira.setIssueStatus(child.key, 'indeterminate');
    await updated(child.id);
    expect((await driftAs('member')).flags.filter((f) => f.initiativeId === id)).toEqual([]);
  });

  it('closing every epic of open work flags it done in Jira; marking it done clears that; reopening an epic of done work flags it again', async () => {
    const logging = epic('TR-6');
    forge.jira.setIssueStatus(logging.key, 'done');
    await updated(logging.id);
    const report = await driftAs('member');
    expect(report.flags.find((f) => f.key === 'epics-done:I-2')).toMatchObject({ epicIds: [logging.id], fix: { action: 'mark-done' } });

    // The fix, through the resolver: the flag clears.
    await write('updateInitiative', { initiativeId: 'I-2', patch: { status: 'done' } });
    expect(await keysAs('member')).not.toContain('epics-done:I-2');

    forge.jira.setIssueStatus(logging.key, 'indeterminate');
    await updated(logging.id);
    expect((await driftAs('member')).flags.find((f) => f.initiativeId === 'I-2')).toMatchObject({
      key: 'done-with-open-epics:I-2',
      epicIds: [logging.id],
      message: `“Centralize logging” (I-2) is marked done but ${logging.key} is still open in Jira.`,
      fix: { action: 'reopen' },
    });
  });

  it('an epic moved to another project is "moved" for whoever can see it there, and unavailable for whoever cannot', async () => {
    const node = epic('TR-1');
    const record = forge.jira.data.issues.find((i) => i.id === node.id)!;
    Object.assign(record, { projectId: PAY.id, key: 'PAY-90' });
    await updated(node.id);

    const forMember = await driftAs('member');
    expect(forMember.flags.filter((f) => f.initiativeId === 'I-1')).toEqual([
      expect.objectContaining({ key: `epic-moved:I-1:${node.id}`, epicId: node.id, epicKey: 'PAY-90', fix: { action: 'unlink', epicId: node.id } }),
    ]);
    expect(forMember.flags.find((f) => f.kind === 'epic-moved')!.message).toMatch(/^“Upgrade Node\.js to v22 LTS” \(I-1\): PAY-90 has moved to /);

    // The outsider may not browse PAY: Jira no longer shows them the epic, and nothing says where it went.
    const forOutsider = await driftAs('outsider');
    expect(forOutsider.flags.filter((f) => f.initiativeId === 'I-1')).toEqual([
      expect.objectContaining({ key: `epic-unavailable:I-1:${node.id}`, epicKey: null, fix: { action: 'unlink', epicId: node.id } }),
    ]);
    expect(JSON.stringify(forOutsider)).not.toMatch(/PAY|Payments/);
  });

  it('a deleted epic shows as unavailable until the deleted-issue event unlinks it', async () => {
    const flags = epic('TR-18');
    forge.jira.deleteIssue(flags.key);
    const report = await driftAs('member');
    expect(report.flags.filter((f) => f.initiativeId === 'I-5')).toEqual([
      {
        key: `epic-unavailable:I-5:${flags.id}`,
        kind: 'epic-unavailable',
        initiativeId: 'I-5',
        epicId: flags.id,
        epicKey: null,
        epicIds: [flags.id],
        label: 'Epic missing',
        message: `“Adopt feature flags” (I-5): linked epic ${flags.id} was deleted or is no longer visible to you in Jira.`,
        fix: { action: 'unlink', epicId: flags.id },
      },
    ]);
    await forge.trigger({ eventType: 'avi:jira:deleted:issue', issue: { id: flags.id, key: flags.key } });
    expect((await driftAs('member')).flags.filter((f) => f.initiativeId === 'I-5')).toEqual([]);
  });

  it('an epic from a project the caller cannot browse is never named in their drift, whatever happens to it', async () => {
    // Admin links PAY's open card-vault epic to I-4, whose own epic (TR-15) is done.
    const vault = epic('PAY-8');
    await write('updateInitiative', { initiativeId: 'I-4', patch: {}, epicKeys: [vault.key] });
    const forAdmin = await driftAs('admin');
    // The admin sees an open epic on I-4: not all done.
    expect(forAdmin.flags.map((f) => f.key)).not.toContain('epics-done:I-4');

    // The outsider cannot browse PAY: they judge by what they see (TR-15, done), and never learn of the vault epic.
    const forOutsider = await driftAs('outsider');
    expect(forOutsider.flags.find((f) => f.key === 'epics-done:I-4')).toMatchObject({ epicIds: [epic('TR-15').id] });
    const leaks = (report: DriftReport) => JSON.stringify(report).includes(vault.id) || JSON.stringify(report).includes(vault.key);
    expect(leaks(forOutsider)).toBe(false);

    // Deleted in Jira, and the deleted-issue event never reached the app (which would unlink it): once the admin's
    // cached progress has expired, the admin is told; the outsider still hears nothing of it.
    forge.jira.deleteIssue(vault.key);
    clock = new Date(NOW.getTime() + PROGRESS_TTL_MS);
    expect((await driftAs('admin')).flags.find((f) => f.epicId === vault.id)).toMatchObject({ key: `epic-unavailable:I-4:${vault.id}` });
    expect(leaks(await driftAs('outsider'))).toBe(false);
  });

  it('an epic hidden from the caller (their access to its project withdrawn) is unavailable to them, and to them only', async () => {
    // The member loses PAY; TR-1 now lives in PAY (as after a move): the member can no longer see it, the admin can.
    const node = epic('TR-1');
    Object.assign(
      forge.jira.data.issues.find((i) => i.id === node.id)!,
      { projectId: PAY.id, key: 'PAY-91' },
    );
    await updated(node.id);
    forge.jira.setProjectPermissions(DEMO_USERS.member.accountId, PAY.id, []);
    const forMember = await driftAs('member');
    expect(forMember.flags.filter((f) => f.initiativeId === 'I-1').map((f) => f.key)).toEqual([`epic-unavailable:I-1:${node.id}`]);
    expect(JSON.stringify(forMember)).not.toContain('PAY-91');
    expect((await driftAs('admin')).flags.filter((f) => f.initiativeId === 'I-1').map((f) => f.key)).toEqual([`epic-moved:I-1:${node.id}`]);
  });
});
