/**
 * The rich demo `npm start` seeds (dev/demo-rich.ts): every panel has something true to say, for both demo projects,
 * whatever the date — checked through the resolvers (as the admin would see it) and the domain's health rules.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_MACRO_PAGES, demoClock, richDemoStepCount, seedDemoMacros, seedRichDemo } from '../../dev/demo-rich';
import { HostState } from '../../dev/host/host-state';
import { LocalForge } from '../../dev/local-forge';
import type { ChangelogPage, ProgressReport, RoadmapView } from '../../src/domain/api';
import type { ChangeRecord } from '../../src/domain/changes';
import { DEBT_CATEGORIES } from '../../src/domain/model';
import { addQuarters, quarterOf } from '../../src/domain/quarter';
import { BUFFER_MAX_PERCENT, BUFFER_MIN_PERCENT } from '../../src/domain/rules/capacity';
import { healthOfView } from '../../src/domain/view-health';
import { checkStorageInvariants, mustCall, PAY, projectPage, storageSnapshot, TR, transactionCalls } from './support/harness';

const PROJECTS = [TR, PAY] as const;
const DAY = 86_400_000;

async function view(forge: LocalForge, project: { id: string; key: string }): Promise<RoadmapView> {
  return mustCall<RoadmapView>(forge, 'getRoadmapView', {}, 'admin', projectPage(project));
}

async function changelog(forge: LocalForge, project: { id: string; key: string }): Promise<ChangeRecord[]> {
  const changes: ChangeRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await mustCall<ChangelogPage>(forge, 'getChangelog', { limit: 50, ...(cursor ? { cursor } : {}) }, 'admin', projectPage(project));
    changes.push(...page.changes);
    cursor = page.nextCursor;
  } while (cursor);
  return changes;
}

async function seeded(now: Date): Promise<LocalForge> {
  const forge = new LocalForge({ now: () => now });
  const result = await seedRichDemo(forge);
  expect(result).toEqual({ seeded: ['TR', 'PAY'], kept: [] });
  return forge;
}

/** Every bullet of the demo, for one project, as of `now`. */
async function expectRichDemo(forge: LocalForge, project: { id: string; key: string }, now: Date): Promise<void> {
  const v = await view(forge, project);
  const health = healthOfView(v, now);
  const current = quarterOf(now);
  const label = `${project.key} on ${now.toISOString()}`;

  // Capacity: set, with one quarter whose free share sits inside 20–30 % and one that eats the buffer (a warning).
  expect(v.capacity.perQuarter).toBeGreaterThan(0);
  expect(health.capacity.summary.bufferSettingWarning).toBeNull();
  const quarters = health.capacity.quarters;
  const inside = quarters.filter(
    (q) => q.effectiveBufferPercent !== null && q.effectiveBufferPercent >= BUFFER_MIN_PERCENT && q.effectiveBufferPercent <= BUFFER_MAX_PERCENT,
  );
  const eaten = quarters.filter((q) => q.warning?.kind === 'buffer-eaten');
  expect({ label, inside: inside.map((q) => q.quarter) }).toEqual({ label, inside: [current] });
  expect({ label, eaten: eaten.map((q) => q.quarter) }).toEqual({ label, eaten: [addQuarters(current, 1)] });
  expect(health.counts.bufferWarnings).toBe(1);
  expect(health.capacity.summary.unestimatedCount).toBe(0);

  // 3–5 business goals, each with a metric and served by some initiative; exactly one backlog candidate.
  expect(v.businessGoals.length).toBeGreaterThanOrEqual(3);
  expect(v.businessGoals.length).toBeLessThanOrEqual(5);
  for (const goal of v.businessGoals) expect(goal.metric).not.toBe('');
  expect(health.traceability.goalCountWarning).toBeNull();
  expect(health.traceability.goalsWithoutInitiatives).toEqual([]);
  expect(health.traceability.backlogCandidates).toHaveLength(1);
  const candidate = v.initiatives.find((i) => i.id === health.traceability.backlogCandidates[0].initiativeId)!;
  expect(candidate.businessGoalIds).toEqual([]);
  expect(v.initiatives.filter((i) => i.businessGoalIds.length === 0)).toHaveLength(1);

  // RICE inputs and effort on every initiative; a success metric with a target wherever one can be measured.
  for (const initiative of v.initiatives) {
    expect({ id: initiative.id, effort: initiative.effort !== null, rice: initiative.rice !== null }).toEqual({ id: initiative.id, effort: true, rice: true });
    expect(initiative.rice!.effort).toBe(initiative.effort);
  }

  // A dependency chain (some initiative depends on one that depends on another) with exactly one violation.
  const byId = new Map(v.initiatives.map((i) => [i.id, i]));
  const chained = v.initiatives.filter((i) => i.dependsOn.some((d) => (byId.get(d)?.dependsOn.length ?? 0) > 0));
  expect(chained.length).toBeGreaterThan(0);
  expect(health.dependencies.cycles).toEqual([]);
  expect(health.dependencies.findings).toHaveLength(1);
  expect(health.dependencies.findings[0].kind).toBe('depends-on-later-horizon');

  // A compliance track (GDPR / EU AI Act / PCI DSS) on the roadmap.
  const compliance = v.initiatives.filter((i) => i.track === 'compliance');
  expect(compliance.length).toBeGreaterThanOrEqual(1);
  expect(compliance.some((i) => /GDPR/.test(i.title))).toBe(true);

  // Debt in all five categories, one of them promoted to an initiative that remembers it.
  expect(new Set(v.debtItems.map((d) => d.category))).toEqual(new Set(DEBT_CATEGORIES));
  const promoted = v.debtItems.filter((d) => d.promotedTo !== null);
  expect(promoted).toHaveLength(1);
  expect(byId.get(promoted[0].promotedTo!)?.fromDebtId).toBe(promoted[0].id);
  expect(health.debt).toHaveLength(DEBT_CATEGORIES.length - 1);

  // A changelog over several weeks, every entry in the past, with reasons; moves among them.
  const changes = await changelog(forge, project);
  expect(changes).toHaveLength(v.revision);
  const times = changes.map((c) => Date.parse(c.at));
  expect(Math.max(...times)).toBeLessThan(now.getTime());
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(21 * DAY);
  const reasons = changes.filter((c) => c.reason !== null);
  expect(reasons.length).toBeGreaterThanOrEqual(5);
  expect(new Set(reasons.map((c) => Math.floor(Date.parse(c.at) / (7 * DAY)))).size).toBeGreaterThanOrEqual(3);
  expect(changes.some((c) => c.summary.startsWith('Moved') && c.reason)).toBe(true);
  expect(new Set(changes.map((c) => c.accountId)).size).toBeGreaterThanOrEqual(2);

  // The review cadence says the review is due, and one initiative is overdue (its target quarter has passed).
  expect(health.staleness.review.state).toBe('overdue');
  expect(health.counts.reviewOverdue).toBe(true);
  expect(health.staleness.overdue).toHaveLength(1);
  expect(health.staleness.overdue[0].targetQuarter).toBe(addQuarters(current, -1));
  // Something was also left alone for longer than a review cycle, and one initiative is done.
  expect(health.staleness.untouched.length).toBeGreaterThanOrEqual(1);
  expect(health.counts.done).toBe(1);

  // Initiatives in Now, Next and Later.
  expect(health.counts.openByHorizon.now).toBeGreaterThan(0);
  expect(health.counts.openByHorizon.next).toBeGreaterThan(0);
  expect(health.counts.openByHorizon.later).toBeGreaterThan(0);

  // Linked epics in all three Jira status categories, all visible to the admin, with progress from their children.
  const progress = await mustCall<ProgressReport>(forge, 'getProgress', {}, 'admin', projectPage(project));
  expect(progress.epics.length).toBeGreaterThanOrEqual(3);
  expect(progress.epics.every((e) => e.state === 'ok')).toBe(true);
  expect(new Set(progress.epics.map((e) => e.statusCategory))).toEqual(new Set(['new', 'indeterminate', 'done']));
}

describe('the rich demo (npm start)', () => {
  it('seeds both projects through the write path, with every panel populated, in well under 30 s', async () => {
    const now = new Date();
    const started = Date.now();
    const forge = await seeded(now);
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const project of PROJECTS) await expectRichDemo(forge, project, now);
    expect(await checkStorageInvariants(forge)).toEqual([]);
    forge.close();
  });

  it.each([
    ['the first hour of a quarter', '2027-01-01T00:30:00Z'],
    ['the last minute of a quarter', '2026-12-31T23:59:00Z'],
    ['mid-quarter', '2027-05-14T12:00:00Z'],
    ['a leap-year quarter end', '2028-03-31T22:00:00Z'],
  ])('stays true whenever it runs: %s', async (_name, iso) => {
    const now = new Date(iso);
    const forge = await seeded(now);
    for (const project of PROJECTS) await expectRichDemo(forge, project, now);
    // Its history starts last quarter and the story is the same every time.
    expect(quarterOf(demoClock(now).start)).toBe(addQuarters(quarterOf(now), -1));
    for (const key of ['TR', 'PAY'] as const) expect((await view(forge, key === 'TR' ? TR : PAY)).revision).toBe(richDemoStepCount(key, now));
    forge.close();
  });

  it('is idempotent: a second run, even days later, writes nothing', async () => {
    let now = new Date();
    const forge = new LocalForge({ now: () => now });
    await seedRichDemo(forge);
    const before = await storageSnapshot(forge);
    const writes = transactionCalls(forge);
    now = new Date(now.getTime() + 3 * DAY);
    expect(await seedRichDemo(forge)).toEqual({ seeded: [], kept: ['TR', 'PAY'] });
    expect(transactionCalls(forge)).toBe(writes);
    expect(await storageSnapshot(forge)).toBe(before);
    await view(forge, TR);
    forge.close();
  });

  it('never overwrites a project that already has a roadmap; seeds only the absent one', async () => {
    const forge = new LocalForge();
    // TR started by hand (only the template's phases); PAY has nothing yet.
    await mustCall(forge, 'startRoadmap', { withExamples: false }, 'admin', projectPage(TR));
    const trBefore = await view(forge, TR);
    expect(await seedRichDemo(forge)).toEqual({ seeded: ['PAY'], kept: ['TR'] });
    expect(await view(forge, TR)).toEqual(trBefore);
    expect((await view(forge, PAY)).revision).toBe(richDemoStepCount('PAY', new Date()));
    forge.close();
  });

  it('keeps its data across restarts on a file, as npm start does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-rich-'));
    const dataFile = path.join(dir, 'kvs.sqlite');
    const first = new LocalForge({ dataFile });
    await seedRichDemo(first);
    const trRevision = (await view(first, TR)).revision;
    first.close();
    const second = new LocalForge({ dataFile });
    expect(await seedRichDemo(second)).toEqual({ seeded: [], kept: ['TR', 'PAY'] });
    expect((await view(second, TR)).revision).toBe(trRevision);
    second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('configures the Confluence demo pages, one per macro view, never replacing a saved config', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-macros-'));
    const stateFile = path.join(dir, 'host-state.json');
    expect(seedDemoMacros(stateFile)).toEqual(['1', '2', '3', '4', '5']);
    const state = new HostState(stateFile);
    expect(state.macroConfig('macro-page-1')).toEqual({ projectId: TR.id, view: 'executive' });
    expect(state.macroConfig('macro-page-2')).toEqual({ projectId: TR.id, view: 'board' });
    expect(DEMO_MACRO_PAGES.map((p) => p.config.view)).toEqual(['executive', 'board', 'timeline', 'capacity', 'changelog']);
    expect(DEMO_MACRO_PAGES.map((p) => p.localId)).toEqual(['macro-page-1', 'macro-page-2', 'macro-page-3', 'macro-page-4', 'macro-page-5']);
    // Someone points page 1 at PAY: a restart keeps it.
    state.saveMacroConfig('macro-page-1', { projectId: PAY.id, view: 'board' });
    expect(seedDemoMacros(stateFile)).toEqual([]);
    expect(new HostState(stateFile).macroConfig('macro-page-1')).toEqual({ projectId: PAY.id, view: 'board' });

    // The macro resolvers read the roadmap from that config, in both views.
    const forge = new LocalForge();
    await seedRichDemo(forge);
    for (const page of DEMO_MACRO_PAGES) {
      const macroView = await mustCall<RoadmapView>(forge, 'getRoadmapView', {}, 'admin', { type: 'macro', config: page.config });
      expect(macroView.project.key).toBe('TR');
      expect(macroView.initiatives.length).toBeGreaterThan(6);
    }
    forge.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
