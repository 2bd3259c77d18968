/**
 * Reviews with a baseline, through the resolvers against the KVS emulator and the Jira fake: markReviewed stores the
 * plan and the drift in the review's own transaction (all or nothing), the 13th review prunes the 1st, concurrent
 * reviews conflict, the worst-case roadmap fits, and drift recorded from epics of projects a reader cannot browse
 * never reaches that reader.
 */
import { largeRoadmap, storeLargeRoadmap } from '../../dev/fixtures/large-roadmap';
import type { FaultSpec } from '../../dev/kvs/faults';
import { LocalForge } from '../../dev/local-forge';
import type { MutationResult, Result } from '../../src/domain/api';
import { markReviewed } from '../../src/domain/edits/settings';
import { LIMITS, type Roadmap } from '../../src/domain/model';
import { snapshotOf } from '../../src/domain/review/baseline';
import { decodeBaseline, MAX_BASELINE_PARTS } from '../../src/domain/review/codec';
import { compareSnapshots } from '../../src/domain/review/compare';
import type { ReviewBaselines, ReviewComparisonAnswer } from '../../src/domain/review-api';
import { MAX_RESPONSE_BYTES } from '../../src/resolvers/define';
import { MAX_DRIFT_KEYS } from '../../src/resolvers/handlers/reviews';
import { commitEdit } from '../../src/storage/commit-edit';
import { baselinePartPrefix, reviewPrefix } from '../../src/storage/keys';
import { MAX_VALUE_BYTES } from '../../src/storage/kvs-roadmap-store';
import {
  call,
  exemptFromInvariants,
  FIRST_PAY_EPIC,
  mustCall,
  NOW,
  PAY,
  projectPage,
  queryPrefix,
  seededForge,
  storageSnapshot,
  storedRevision,
  TR,
  transactionCalls,
  type UserName,
  USERS,
} from './support/harness';

const SERVER_ERROR: FaultSpec = { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Injected storage outage' };

async function revisionOf(forge: LocalForge, project = TR): Promise<number> {
  return (await storedRevision(forge, project.id)) ?? 0;
}

async function write(forge: LocalForge, key: string, payload: Record<string, unknown>, user: UserName = 'admin'): Promise<MutationResult> {
  return mustCall<MutationResult>(forge, key, { baseRevision: await revisionOf(forge), ...payload }, user, projectPage(TR));
}

const review = (forge: LocalForge, note?: string, user: UserName = 'admin') => write(forge, 'markReviewed', note === undefined ? {} : { note }, user);
const baselinesOf = (forge: LocalForge, user: UserName = 'admin') => mustCall<ReviewBaselines>(forge, 'getReviewBaselines', {}, user, projectPage(TR));
const comparison = (forge: LocalForge, payload: { from?: number; to?: number } = {}, user: UserName = 'admin') =>
  mustCall<ReviewComparisonAnswer>(forge, 'getReviewComparison', payload, user, projectPage(TR));

describe('markReviewed stores a baseline', () => {
  let forge: LocalForge;
  beforeEach(async () => {
    forge = await seededForge();
  });
  afterEach(() => forge.close());

  it('keeps the plan, who, when, the note and the drift the reviewer saw, in the review’s transaction', async () => {
    const transactions = transactionCalls(forge);
    const reviewed = await review(forge, 'November review');
    expect(transactionCalls(forge)).toBe(transactions + 1);
    expect(reviewed.change).toMatchObject({ summary: 'Reviewed the roadmap', reason: 'November review' });

    const { baselines, keep } = await baselinesOf(forge);
    expect(keep).toBe(LIMITS.reviewBaselines);
    expect(baselines).toEqual([
      {
        seq: 1,
        revision: reviewed.revision,
        reviewedAt: NOW.toISOString(),
        reviewer: '557058:aaaa-admin',
        note: 'November review',
        initiatives: 6,
        drift: 'recorded',
      },
    ]);
    const answer = await comparison(forge);
    expect(answer.comparison).toMatchObject({ from: { seq: 1 }, to: null, changelog: { read: 0, total: 0, truncated: false } });
    expect(answer.comparison!.changes).toMatchObject({ added: [], removed: [], moved: [], slipped: [], pulledIn: [], status: [], metrics: [] });
    expect(answer.comparison!.changes.unchanged).toHaveLength(6);
    // The drift open at the review: the demo's done epic (I-4) and Later work already under way in Jira.
    expect(answer.comparison!.drift.from).toEqual({
      state: 'recorded',
      keys: ['epics-done:I-4', 'later-in-progress:I-5', 'later-in-progress:I-6'],
      uncovered: [],
    });
  });

  it('lists moves with their reasons, slips, pulled-in work, metrics, status changes, additions and removals since the review', async () => {
    await review(forge, 'Before the quarter planning');
    const moved = await write(forge, 'moveInitiative', { initiativeId: 'I-3', to: { targetQuarter: '2027-Q3' }, reason: 'The DBA team is on the migration' });
    await write(forge, 'moveInitiative', { initiativeId: 'I-6', to: { targetQuarter: '2026-Q4' }, reason: 'The build farm arrived early' });
    await write(forge, 'updateInitiative', {
      initiativeId: 'I-2',
      patch: { successMetric: { description: 'Services logging centrally', target: 100, current: 80 } },
    });
    await write(forge, 'updateInitiative', { initiativeId: 'I-4', patch: { status: 'done' } });
    const deleted = await write(forge, 'deleteInitiative', { initiativeId: 'I-5', reason: 'Flags come with the new platform' });
    await write(forge, 'createInitiative', {
      initiative: { title: 'Retire the legacy auth service', phaseId: 'P-2', successMetric: { description: 'Old service off' }, targetQuarter: '2027-Q2' },
    });

    const answer = (await comparison(forge)).comparison!;
    const stored = (await forge.deps.store.load(TR.id))!;
    const [header] = await forge.deps.store.listReviews(TR.id);
    const baseline = decodeBaseline(header, await forge.deps.store.loadReviewParts(TR.id, header));
    // Exactly what the pure comparison computes from the stored baseline and the roadmap now.
    expect(answer.changes).toEqual(compareSnapshots(baseline, snapshotOf(stored, NOW)));
    expect(answer.changes.added).toEqual(['I-7']);
    expect(answer.changes.removed).toEqual(['I-5']);
    expect(answer.changes.slipped).toEqual([{ id: 'I-3', from: '2027-Q1', to: '2027-Q3', quarters: 2 }]);
    expect(answer.changes.pulledIn).toEqual([{ id: 'I-6', from: '2027-Q2', to: '2026-Q4', quarters: 2 }]);
    expect(answer.changes.moved.map((m) => [m.id, m.from.horizon, m.to.horizon])).toEqual([
      ['I-3', 'next', 'later'],
      ['I-6', 'later', 'now'],
    ]);
    expect(answer.changes.status).toEqual([{ id: 'I-4', from: 'planned', to: 'done' }]);
    expect(answer.changes.metrics).toEqual([{ id: 'I-2', current: { from: null, to: 80 }, target: { from: null, to: 100 }, direction: 'unclear' }]);
    // Reasons beside the moves, from the changelog in between; the removed one named by its deletion record.
    expect(answer.reasons['I-3']).toEqual([moved.revision]);
    const cited = new Map(answer.changelog.changes.map((c) => [c.revision, c]));
    expect(cited.get(moved.revision)?.reason).toBe('The DBA team is on the migration');
    expect(cited.get(answer.reasons['I-5'][0])?.reason).toBe('Flags come with the new platform');
    expect(answer.reasons['I-5']).toEqual([deleted.revision]);
    expect(answer.titles).toEqual({ 'I-5': 'Adopt feature flags' });
    expect(answer.changelog).toMatchObject({ read: 6, total: 6, truncated: false });
    expect(answer.phases).toMatchObject({ 'P-1': 'Foundation', 'P-2': 'Scale', 'P-3': 'Velocity' });
  });

  it('compares earlier reviews with later ones, and says which reviews it cannot find', async () => {
    await review(forge, 'First');
    await write(forge, 'moveInitiative', { initiativeId: 'I-3', to: { targetQuarter: '2027-Q2' }, reason: 'Slipped a quarter' });
    await review(forge, 'Second');
    await write(forge, 'moveInitiative', { initiativeId: 'I-3', to: { targetQuarter: '2027-Q4' }, reason: 'Slipped again' });

    const answer = await comparison(forge, { from: 1, to: 2 });
    expect(answer.baselines.map((b) => b.seq)).toEqual([2, 1]);
    expect(answer.comparison).toMatchObject({ from: { seq: 1, note: 'First' }, to: { seq: 2, note: 'Second' } });
    expect(answer.comparison!.changes.slipped).toEqual([{ id: 'I-3', from: '2027-Q1', to: '2027-Q2', quarters: 1 }]);
    expect(answer.comparison!.drift.to?.state).toBe('recorded');
    expect((await comparison(forge, { from: 1 })).comparison!.changes.slipped).toEqual([{ id: 'I-3', from: '2027-Q1', to: '2027-Q4', quarters: 3 }]);
    // By default: the latest review against now.
    expect((await comparison(forge)).comparison!.changes.slipped).toEqual([{ id: 'I-3', from: '2027-Q2', to: '2027-Q4', quarters: 2 }]);

    const missing = await call(forge, 'getReviewComparison', { from: 7 }, 'admin', projectPage(TR));
    expect(missing).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no review #7 on this roadmap (the 12 most recent reviews are kept)' },
    });
    expect(await call(forge, 'getReviewComparison', { from: 1, to: 9 }, 'admin', projectPage(TR))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('review #9') },
    });
    expect(await call(forge, 'getReviewComparison', { from: 2, to: 1 }, 'admin', projectPage(TR))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { to: expect.any(String) } },
    });
    expect(await call(forge, 'getReviewComparison', { from: 0 }, 'admin', projectPage(TR))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { from: 'Review numbers start at 1' } },
    });
  });

  it('answers with no comparison before the first review, on a project with or without a roadmap', async () => {
    expect(await comparison(forge)).toEqual({ baselines: [], keep: 12, comparison: null });
    expect(await mustCall(forge, 'getReviewComparison', {}, 'admin', projectPage(PAY))).toEqual({ baselines: [], keep: 12, comparison: null });
    expect(await call(forge, 'getReviewComparison', { from: 1 }, 'admin', projectPage(PAY))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('stores nothing of the review when its transaction fails, and lands whole on retry', async () => {
    const before = await storageSnapshot(forge);
    const revision = await revisionOf(forge);
    forge.kvs.faults.failNthCall(1, SERVER_ERROR, { path: '/api/v1/transaction' });
    const failed = await call(forge, 'markReviewed', { baseRevision: revision, note: 'Doomed' }, 'admin', projectPage(TR));
    expect(failed).toMatchObject({ ok: false, error: { code: 'UPSTREAM' } });
    expect(await storageSnapshot(forge)).toBe(before);
    expect(await queryPrefix(forge, reviewPrefix(TR.id))).toEqual([]);
    expect(await queryPrefix(forge, `rm:${TR.id}:rvb:`)).toEqual([]);

    await mustCall(forge, 'markReviewed', { baseRevision: revision, note: 'Retried' }, 'admin', projectPage(TR));
    expect((await baselinesOf(forge)).baselines.map((b) => [b.seq, b.note])).toEqual([[1, 'Retried']]);
  });

  it('lands without drift when Jira fails, and says so', async () => {
    forge.jira.faults.serverError(/bulkfetch/, { times: Infinity });
    await review(forge, 'Jira is down');
    forge.jira.faults.clear();
    const [summary] = (await baselinesOf(forge)).baselines;
    expect(summary).toMatchObject({ seq: 1, note: 'Jira is down', drift: 'unavailable' });
    expect((await comparison(forge)).comparison!.drift.from).toEqual({ state: 'unavailable', keys: [], uncovered: [] });
  });

  it('keeps the 12 newest reviews: the 13th prunes the 1st in its own transaction', async () => {
    for (let i = 1; i <= 12; i++) await review(forge, `Review ${i}`);
    const first = (await forge.deps.store.listReviews(TR.id)).find((h) => h.seq === 1)!;
    expect(await queryPrefix(forge, baselinePartPrefix(TR.id, first.revision))).toHaveLength(first.parts);
    const transactions = transactionCalls(forge);
    await review(forge, 'Review 13');
    expect(transactionCalls(forge)).toBe(transactions + 1);
    const kept = (await baselinesOf(forge)).baselines;
    expect(kept.map((b) => b.seq)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    expect(await queryPrefix(forge, baselinePartPrefix(TR.id, first.revision))).toEqual([]);
    expect(await queryPrefix(forge, reviewPrefix(TR.id))).toHaveLength(12);
    expect(await call(forge, 'getReviewComparison', { from: 1 }, 'admin', projectPage(TR))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await comparison(forge, { from: 2, to: 13 })).comparison).toMatchObject({ from: { seq: 2 }, to: { seq: 13 } });
  });

  it('two reviews from the same revision at once: one lands, the other is a CONFLICT, one baseline stored', async () => {
    forge.kvs.faults.latencyMs = 2;
    const revision = await revisionOf(forge);
    const [a, b] = await Promise.all(
      (['admin', 'member'] as const).map((user) => call(forge, 'markReviewed', { baseRevision: revision, note: `By ${user}` }, user, projectPage(TR))),
    );
    const outcomes = [a, b].map((r) => ('ok' in r && r.ok ? 'ok' : 'ok' in r ? r.error.code : 'thrown')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const winner = (a as Result<MutationResult>).ok ? 'By admin' : 'By member';
    forge.kvs.faults.latencyMs = 0;
    expect((await baselinesOf(forge)).baselines.map((s) => [s.seq, s.note])).toEqual([[1, winner]]);
    expect(await revisionOf(forge)).toBe(revision + 1);
  });

  it('a reader only sees review drift from epics they may see in Jira', async () => {
    // I-6 (Later) also delivers PAY-1, which is under way: "Later work in progress" derives from TR's and PAY's epic.
    // I-3's second epic is a PAY epic that is then deleted: "epic unavailable" names it.
    const payEpic = FIRST_PAY_EPIC;
    const otherPay = { id: '20041', key: 'PAY-5' };
    forge.jira.setIssueStatus(payEpic.key, 'indeterminate');
    await write(forge, 'updateInitiative', { initiativeId: 'I-6', patch: {}, epicKeys: [payEpic.key] });
    await write(forge, 'updateInitiative', { initiativeId: 'I-3', patch: {}, epicKeys: [otherPay.key] });
    forge.jira.deleteIssue(otherPay.key);
    await review(forge, 'With PAY work');

    const admin = (await comparison(forge)).comparison!;
    expect(admin.drift.from.keys).toEqual(expect.arrayContaining(['later-in-progress:I-6', `epic-unavailable:I-3:${otherPay.id}`]));

    // The outsider browses TR but not PAY: neither flag, nor any PAY epic id, reaches them.
    const outsider = await comparison(forge, {}, 'outsider');
    const text = JSON.stringify(outsider);
    expect(outsider.comparison!.drift.from.keys).not.toContain('later-in-progress:I-6');
    expect(text).not.toContain(otherPay.id);
    expect(text).not.toContain(payEpic.id);
    expect(outsider.comparison!.drift.from.keys).toEqual(expect.arrayContaining(['later-in-progress:I-5']));

    // Still hidden after PAY-1 is unlinked (the roadmap no longer knows its project; the baseline does).
    await write(forge, 'updateInitiative', { initiativeId: 'I-6', patch: { epicIds: [] } });
    const later = await comparison(forge, {}, 'outsider');
    expect(later.comparison!.drift.from.keys).not.toContain('later-in-progress:I-6');
    expect(JSON.stringify(later)).not.toContain(payEpic.id);

    // An outsider on PAY itself is refused like on any project they cannot browse, without a word about it.
    const refused = await call(forge, 'getReviewComparison', { from: 1 }, 'outsider', projectPage(PAY));
    const missing = await call(forge, 'getReviewComparison', { from: 1 }, 'outsider', projectPage({ id: '99999', key: 'NOPE' }));
    expect(refused).toEqual(missing);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the worst-case roadmap reviews and compares inside the platform limits', () => {
  const WORST_CASE_FIXTURE =
    'the large-roadmap fixture stores worst-case initiatives straight through the store, without epic index entries (their epic ids are made up)';
  let forge: LocalForge;
  beforeEach(() => {
    forge = new LocalForge({ now: () => NOW });
  });
  afterEach(() => forge.close());

  /**
   * 5,000 initiatives with the longest metric numbers a finite value has — worst-case ones (every text full, 10
   * made-up epics each), or plain ones where only the baseline's size matters (it keeps no text).
   */
  async function worstCase(options: { plain?: boolean } = {}): Promise<Roadmap> {
    if (!options.plain) exemptFromInvariants(forge, WORST_CASE_FIXTURE);
    const target = largeRoadmap(TR.id, LIMITS.initiatives, { worstCase: !options.plain, now: NOW });
    target.initiatives = target.initiatives.map((i, n) => ({
      ...i,
      successMetric: { ...i.successMetric, current: -2.2250738585072014e-308 * (n + 1), target: -1.7976931348623157e308 },
    }));
    await storeLargeRoadmap(forge.deps.store, target, NOW);
    return (await forge.deps.store.load(TR.id))!;
  }

  it('through the resolvers: 50,000 epics gone from Jira, a review in one transaction, a comparison in one invoke', async () => {
    await worstCase();
    forge.kvs.resetStats();
    const started = Date.now();
    const reviewed = await mustCall<MutationResult>(
      forge,
      'markReviewed',
      { baseRevision: await revisionOf(forge), note: '漢'.repeat(500) },
      'admin',
      projectPage(TR),
    );
    const reviewMs = Date.now() - started;
    expect(forge.kvs.stats.calls['/api/v1/transaction']).toBe(1);
    expect(forge.kvs.largestValueBytes).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    const [header] = await forge.deps.store.listReviews(TR.id);
    expect(header).toMatchObject({ seq: 1, revision: reviewed.revision, initiatives: LIMITS.initiatives });
    expect(header.parts).toBeLessThanOrEqual(MAX_BASELINE_PARTS);
    // Jira answers within the review's budget here, so every flag is kept (50,000 "epic unavailable").
    expect(['recorded', 'unavailable']).toContain(header.drift);

    const started2 = Date.now();
    const answer = (await call(forge, 'getReviewComparison', {}, 'admin', projectPage(TR))) as Result<ReviewComparisonAnswer>;
    const compareMs = Date.now() - started2;
    if (!answer.ok) throw new Error(answer.error.message);
    const responseBytes = Buffer.byteLength(JSON.stringify(answer), 'utf8');
    expect(responseBytes).toBeLessThan(MAX_RESPONSE_BYTES);
    expect(answer.value.comparison!.changes.unchanged).toHaveLength(LIMITS.initiatives);
    console.info('worst-case review through the resolvers', JSON.stringify({ ...header, note: undefined, reviewMs, compareMs, responseBytes }));
  }, 120_000);

  it('at the ceiling: 13 reviews with every drift flag at once — 10 parts each, the oldest pruned within 25 operations', async () => {
    const roadmap = await worstCase({ plain: true });
    // Every flag an initiative can have at once, derived from epics of other projects — PAY's (the admin may see those)
    // and ten nobody here may browse: more than a review may store.
    const hidden = Array.from({ length: 10 }, (_, n) => `9999999999999999${n}`);
    const flags = roadmap.initiatives.flatMap((i) => [
      ...Array.from({ length: LIMITS.epicsPerInitiative }, (_, e) => ({
        key: `epic-moved:${i.id}:9${String(Number(i.id.slice(2)) * 10 + e).padStart(17, '0')}`,
        projects: [PAY.id],
      })),
      ...['later-in-progress', 'past-target', 'over-effort', 'metric-stale'].map((kind) => ({ key: `${kind}:${i.id}`, projects: hidden })),
    ]);
    let before = roadmap;
    const sizes: number[] = [];
    for (let n = 1; n <= 13; n++) {
      const edit = markReviewed(before, { accountId: USERS.admin.accountId, now: NOW }, `Review ${n} ${'漢'.repeat(480)}`, {
        state: 'recorded',
        flags,
        uncovered: [],
      });
      expect(edit.review!.parts).toHaveLength(MAX_BASELINE_PARTS);
      expect(edit.review!.header.drift).toBe('partial');
      forge.kvs.resetStats();
      const committed = await commitEdit(forge.deps.store, TR.id, before, edit);
      // The emulator refuses a transaction over 25 operations or 4 MB, and a value over 240 KiB.
      expect(forge.kvs.stats.calls['/api/v1/transaction']).toBe(1);
      expect(forge.kvs.largestValueBytes).toBeLessThanOrEqual(MAX_VALUE_BYTES);
      sizes.push(edit.review!.header.bytes);
      before = committed.roadmap;
    }
    const kept = await forge.deps.store.listReviews(TR.id);
    expect(kept.map((h) => h.seq)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    const stored = [...(await queryPrefix(forge, reviewPrefix(TR.id))), ...(await queryPrefix(forge, `rm:${TR.id}:rvb:`))];
    expect(stored).toHaveLength(12 * (1 + MAX_BASELINE_PARTS));
    const storedBytes = stored.reduce<number>((sum, row) => sum + Buffer.byteLength(JSON.stringify((row as { value: unknown }).value), 'utf8'), 0);

    const answer = (await call(forge, 'getReviewComparison', { from: 2, to: 13 }, 'admin', projectPage(TR))) as Result<ReviewComparisonAnswer>;
    if (!answer.ok) throw new Error(answer.error.message);
    const responseBytes = Buffer.byteLength(JSON.stringify(answer), 'utf8');
    expect(responseBytes).toBeLessThan(MAX_RESPONSE_BYTES);
    // The reader gets only what they may see, at most MAX_DRIFT_KEYS flags in all.
    const { from, to } = answer.value.comparison!.drift;
    expect(from.state).toBe('partial');
    expect(from.keys.length + to!.keys.length).toBeLessThanOrEqual(MAX_DRIFT_KEYS);
    expect(from.keys.length).toBeGreaterThan(0);
    for (const key of [...from.keys, ...to!.keys]) expect(key).toMatch(/^epic-moved:/);
    console.info('review storage at the ceiling', JSON.stringify({ perReview: sizes[0], perRoadmap: storedBytes, responseBytes }));
  }, 240_000);
});
