/**
 * The scheduled digest through the real path: the trigger (as the app) → KVS emulator / Jira fake, then getDigest and
 * markDigestSeen as the demo users. TR has the template roadmap (I-4's only epic is done, I-5 and I-6 are planned for
 * Later with work under way: 3 flags as the app sees them, and the roadmap was never reviewed).
 */
import { seedDemoRoadmap } from '../../dev/demo-seed';
import { DEMO_EPICS } from '../../dev/jira';
import { LocalForge } from '../../dev/local-forge';
import type { Result } from '../../src/domain/api';
import type { DigestAnswer } from '../../src/domain/digest-api';
import { call, macro, mustCall, PAY, projectPage, rawSnapshot, TR, type UserName } from './support/harness';

const DAY1 = new Date('2026-11-23T06:00:00Z');
const DAY2 = new Date('2026-11-24T06:00:00Z');
const epic = (key: string) => DEMO_EPICS.find((e) => e.key === key)!;
const PAY_EPIC = DEMO_EPICS.find((e) => e.projectKey === 'PAY')!;

let clock = DAY1;
let forge: LocalForge;
beforeEach(async () => {
  clock = DAY1;
  forge = new LocalForge({ now: () => clock });
  await seedDemoRoadmap(forge);
});
afterEach(() => forge.close());

const sets = () => forge.kvs.stats.calls['/api/v1/set'] ?? 0;
const writes = () => sets() + (forge.kvs.stats.calls['/api/v1/transaction'] ?? 0) + (forge.kvs.stats.calls['/api/v1/delete'] ?? 0);
const digestAs = (user: UserName, project: { id: string; key: string } = TR) => mustCall<DigestAnswer>(forge, 'getDigest', {}, user, projectPage(project));
const visible = async (user: UserName, project: { id: string; key: string } = TR) => (await digestAs(user, project)).digest!.drift;
const revisionOf = async (projectId: string) => (await forge.deps.store.load(projectId))!.meta.revision;

/** PAY's roadmap, started by its admin, with one initiative serving PAY-1. */
async function startPay() {
  await mustCall(forge, 'startRoadmap', { withExamples: false }, 'admin', projectPage(PAY));
  await mustCall(
    forge,
    'createInitiative',
    {
      baseRevision: await revisionOf(PAY.id),
      initiative: { title: 'Tokenise the vault', phaseId: 'P-1', successMetric: { description: 'No PANs' }, targetQuarter: '2026-Q1' },
      epicKeys: [PAY_EPIC.key],
    },
    'admin',
    projectPage(PAY),
  );
}

describe('the daily digest trigger', () => {
  it('stores each roadmap’s review status and drift as the app sees it, bounded and without Jira text', async () => {
    const outcome = await forge.runDigest();
    expect(outcome).toMatchObject({ day: '2026-11-23', written: [TR.id], failed: [], done: true });
    const digest = (await forge.deps.digests.get(TR.id))!;
    expect(digest.asOf).toBe('2026-11-23');
    expect(digest.review.state).toBe('never-reviewed');
    expect(digest.flags.map((f) => f.key)).toEqual([`epics-done:I-4`, 'later-in-progress:I-5', 'later-in-progress:I-6']);
    expect(digest.flags.every((f) => f.since === '2026-11-23')).toBe(true);
    // Keys, epic ids and days only: no summaries, no messages.
    const text = JSON.stringify(digest);
    for (const e of DEMO_EPICS) expect(text).not.toContain(e.summary);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(2_000);
  });

  it('is idempotent: a second run the same day writes nothing, and a recomputation stores the identical digest', async () => {
    await forge.runDigest();
    const stored = rawSnapshot(forge);
    const before = writes();
    expect(await forge.runDigest()).toMatchObject({ skipped: 'done today', written: [], done: true });
    expect(await forge.runDigest({ mode: 'resume' })).toMatchObject({ skipped: 'done today', written: [] });
    expect(writes()).toBe(before);
    expect(rawSnapshot(forge)).toBe(stored);

    // Even with the run's cursor lost (a duplicated invocation that started before the first saved it): the same
    // digest is computed, and not written again.
    const digest = JSON.stringify(await forge.deps.digests.get(TR.id));
    await forge.kvs.handle('/api/v1/delete', { key: 'digest-run' });
    const setsBefore = sets();
    expect(await forge.runDigest()).toMatchObject({ written: [], unchanged: [TR.id], done: true });
    expect(JSON.stringify(await forge.deps.digests.get(TR.id))).toBe(digest);
    expect(sets() - setsBefore).toBe(1); // the cursor only
  });

  it('carries each flag’s first day forward, and a new flag appears with its own day', async () => {
    await forge.runDigest();
    clock = DAY2;
    forge.jira.deleteIssue(epic('TR-6').id);
    expect(await forge.runDigest()).toMatchObject({ day: '2026-11-24', written: [TR.id] });
    const digest = (await forge.deps.digests.get(TR.id))!;
    expect(digest.flags.map((f) => [f.key, f.since])).toEqual([
      [`epic-unavailable:I-2:${epic('TR-6').id}`, '2026-11-24'],
      ['epics-done:I-4', '2026-11-23'],
      ['later-in-progress:I-5', '2026-11-23'],
      ['later-in-progress:I-6', '2026-11-23'],
    ]);
  });

  it('one roadmap failing (Jira 5xx) does not stop the others; the failed one keeps its previous digest', async () => {
    await startPay();
    await forge.runDigest();
    expect((await forge.deps.digests.get(PAY.id))!.flags.map((f) => f.key)).toContain('past-target:I-1');

    clock = DAY2;
    // Roadmaps are walked in project-id order: TR (10000) first; its bulk fetch answers 503.
    forge.jira.faults.serverError(/issue\/bulkfetch/, { times: 1 });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const outcome = await forge.runDigest();
    expect(errors).toHaveBeenCalledWith(`Daily digest: roadmap ${TR.id} failed`, expect.anything());
    errors.mockRestore();
    expect(outcome).toMatchObject({ failed: [TR.id], written: [PAY.id], done: true });
    expect((await forge.deps.digests.get(TR.id))!.asOf).toBe('2026-11-23');
    expect((await forge.deps.digests.get(PAY.id))!.asOf).toBe('2026-11-24');
  });

  it('stops at its time budget, saves where it got to, and the hourly resume finishes the same day', async () => {
    await startPay();
    // Each check of the clock "takes" 400 s of a 600 s budget: the invocation digests TR, then stops.
    let elapsed = 0;
    const tick = () => {
      const now = elapsed;
      elapsed += 400_000;
      return now;
    };
    const partial = await forge.runDigest({ elapsedMs: tick, budgetMs: 600_000, pageSize: 1 });
    expect(partial).toMatchObject({ written: [TR.id], done: false });
    expect(await forge.deps.digests.getRun()).toEqual({ day: '2026-11-23', after: TR.id, done: false });
    expect(await forge.deps.digests.get(PAY.id)).toBeNull();

    const resumed = await forge.runDigest({ mode: 'resume' });
    expect(resumed).toMatchObject({ written: [PAY.id], done: true });
    expect(await forge.deps.digests.getRun()).toEqual({ day: '2026-11-23', after: PAY.id, done: true });

    // The next day, the hourly trigger does not start a run: that is the daily one's job.
    clock = DAY2;
    const before = writes();
    expect(await forge.runDigest({ mode: 'resume' })).toMatchObject({ skipped: 'not started today', written: [] });
    expect(writes()).toBe(before);
  });
});

describe('getDigest: the digest as each viewer may see it', () => {
  /** Admin links PAY-1 (a foreign epic) to TR's I-3 and then closes it, so I-3's drift derives from a PAY epic. */
  async function linkForeignEpic() {
    await mustCall(
      forge,
      'updateInitiative',
      { baseRevision: await revisionOf(TR.id), initiativeId: 'I-6', patch: {}, epicKeys: [PAY_EPIC.key] },
      'admin',
      projectPage(TR),
    );
  }

  it('an admin sees every flag; a reader (outsider) the same flags on TR, and NOT_FOUND on PAY exactly like a missing roadmap', async () => {
    await startPay();
    await forge.runDigest();
    const admin = await digestAs('admin');
    expect(admin.digest).toMatchObject({ asOf: '2026-11-23', review: { state: 'never-reviewed' } });
    expect(admin.digest!.drift).toMatchObject({ total: 3, initiatives: 3, newSinceLastVisit: 3, truncated: false });
    expect(admin.digest!.drift.counts).toMatchObject({ 'epics-done': 1, 'later-in-progress': 2 });
    expect(admin.visit).toEqual({ firstVisit: true, driftSeenAsOf: null, dismissedToday: false });
    expect((await visible('outsider')).total).toBe(3);

    // PAY: the outsider may not browse it. Word for word what a project id with no roadmap (or none at all) answers.
    const refused = await call(forge, 'getDigest', {}, 'outsider', projectPage(PAY));
    const missing = await call(forge, 'getDigest', {}, 'outsider', macro({ id: '99999' }));
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No roadmap here that you can see' } });
    expect(missing).toEqual(refused);
    expect(await call(forge, 'getDigest', {}, 'outsider', macro(PAY))).toEqual(refused);
    expect(await call(forge, 'getDigest', {}, 'trEditor', projectPage(PAY))).toEqual(refused);
    expect((await visible('admin', PAY)).total).toBeGreaterThan(0);
  });

  it('drops the flags derived from a foreign epic for users who cannot browse its project, and recounts', async () => {
    await linkForeignEpic();
    await forge.runDigest();
    const stored = (await forge.deps.digests.get(TR.id))!;
    // I-6 (Later) now holds TR's CI epic and PAY-1, both under way: one flag derived from both.
    expect(stored.flags.find((f) => f.key === 'later-in-progress:I-6')!.epicIds).toContain(PAY_EPIC.id);
    expect(stored.epicProjects).toEqual({ [PAY_EPIC.id]: PAY.id });

    const admin = await visible('admin');
    expect(admin.total).toBe(3);
    for (const user of ['outsider', 'trEditor'] as const) {
      const drift = await visible(user);
      expect(drift.total).toBe(2);
      expect(drift.counts['later-in-progress']).toBe(1);
      expect(drift.initiatives).toBe(2);
      expect(drift.newSinceLastVisit).toBe(2);
    }
  });

  it('drops flags about an epic Jira no longer shows the caller (issue-level visibility), whatever the stored projects say', async () => {
    await forge.runDigest();
    clock = DAY2;
    // TR-1 (I-1's epic) moves to PAY: the app sees it moved; the roadmap still expects it in TR.
    forge.jira.data.issues.find((i) => i.id === epic('TR-1').id)!.projectId = PAY.id;
    await forge.runDigest();
    const stored = (await forge.deps.digests.get(TR.id))!;
    expect(stored.flags.map((f) => f.key)).toContain(`epic-moved:I-1:${epic('TR-1').id}`);
    expect(stored.epicProjects).toEqual({});
    expect((await visible('admin')).counts['epic-moved']).toBe(1);
    // The outsider cannot see PAY, so not the moved epic: its flag is not theirs to count.
    const outsider = await visible('outsider');
    expect(outsider.counts['epic-moved']).toBe(0);
    expect(outsider.total).toBe((await visible('admin')).total - 1);
  });

  it('keeps an "epic unavailable" flag only while the epic is unavailable to the caller too', async () => {
    forge.jira.deleteIssue(epic('TR-6').id);
    await forge.runDigest();
    for (const user of ['admin', 'outsider'] as const) expect((await visible(user)).counts['epic-unavailable']).toBe(1);
  });

  it('answers digest null for a roadmap the run has not reached yet, and NOT_FOUND where there is no roadmap', async () => {
    expect(await digestAs('admin')).toEqual({ digest: null, visit: { firstVisit: true, driftSeenAsOf: null, dismissedToday: false } });
    expect(await call(forge, 'getDigest', {}, 'admin', projectPage(PAY))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No roadmap here that you can see' },
    });
  });
});

describe('the last visit is per user', () => {
  it('marking the drift seen clears "new" for that user only; a flag appearing the next day is new to them again', async () => {
    await forge.runDigest();
    const marked = await mustCall<DigestAnswer>(forge, 'markDigestSeen', { asOf: '2026-11-23' }, 'member', projectPage(TR));
    expect(marked.digest!.drift).toMatchObject({ total: 3, newSinceLastVisit: 0 });
    expect(marked.visit).toEqual({ firstVisit: false, driftSeenAsOf: '2026-11-23', dismissedToday: false });
    expect((await digestAs('member')).digest!.drift.newSinceLastVisit).toBe(0);
    // Someone else's visit is not theirs.
    expect((await digestAs('admin')).visit.firstVisit).toBe(true);
    expect((await digestAs('admin')).digest!.drift.newSinceLastVisit).toBe(3);

    clock = DAY2;
    forge.jira.deleteIssue(epic('TR-6').id);
    await forge.runDigest();
    const member = await digestAs('member');
    expect(member.digest!.drift).toMatchObject({ total: 4, newSinceLastVisit: 1 });
    expect(member.digest!.drift.newCounts['epic-unavailable']).toBe(1);
    expect((await digestAs('admin')).digest!.drift.newSinceLastVisit).toBe(4);
  });

  it('cannot mark a day past the stored digest, never goes backwards, and dismissing hides the banner for that day only', async () => {
    await forge.runDigest();
    const future = await mustCall<DigestAnswer>(forge, 'markDigestSeen', { asOf: '2027-01-01' }, 'member', projectPage(TR));
    expect(future.visit.driftSeenAsOf).toBe('2026-11-23');
    const back = await mustCall<DigestAnswer>(forge, 'markDigestSeen', { asOf: '2026-01-01' }, 'member', projectPage(TR));
    expect(back.visit.driftSeenAsOf).toBe('2026-11-23');

    const dismissed = await mustCall<DigestAnswer>(forge, 'markDigestSeen', { asOf: '2026-11-23', dismiss: true }, 'outsider', projectPage(TR));
    expect(dismissed.visit).toEqual({ firstVisit: false, driftSeenAsOf: '2026-11-23', dismissedToday: true });
    expect((await digestAs('member')).visit.dismissedToday).toBe(false);
    clock = DAY2;
    expect((await digestAs('outsider')).visit.dismissedToday).toBe(false);
  });

  it('writes only the caller’s own record, and nothing for a project they may not browse', async () => {
    await forge.runDigest();
    await mustCall(forge, 'markDigestSeen', { asOf: '2026-11-23' }, 'member', projectPage(TR));
    expect(await forge.deps.digests.getVisit(TR.id, '557058:bbbb-member')).toEqual({ driftSeenAsOf: '2026-11-23', dismissedOn: null });
    expect(await forge.deps.digests.getVisit(TR.id, '557058:aaaa-admin')).toBeNull();

    await startPay();
    const before = rawSnapshot(forge);
    const refused = (await call(forge, 'markDigestSeen', { asOf: '2026-11-23', dismiss: true }, 'outsider', projectPage(PAY))) as Result<unknown>;
    expect(refused).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No roadmap here that you can see' } });
    expect(rawSnapshot(forge)).toBe(before);
    // Marking again what is already marked writes nothing.
    const sets0 = sets();
    await mustCall(forge, 'markDigestSeen', { asOf: '2026-11-23' }, 'member', projectPage(TR));
    expect(sets()).toBe(sets0);
  });
});
