import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import type { MutationResult, ProgressReport, Result } from '../../src/domain/api';
import { addQuarters } from '../../src/domain/quarter';
import { snapshotOf } from '../../src/domain/review/baseline';
import { decodeBaseline } from '../../src/domain/review/codec';
import { changedIds, compareDrift, compareSnapshots, type Comparison } from '../../src/domain/review/compare';
import type { ReviewComparisonAnswer } from '../../src/domain/review-api';
import { driftOf } from '../../src/domain/rules/drift';
import { formatDay } from '../../static/src/shared/time';
import { expectNoSeriousViolations } from './a11y';
import { projectPageUrl, roadmapAs, useBrowserSession, waitForView } from './harness';

const SCREENS = '/tmp/team/screens';
const TR = DEMO_PROJECTS.TR;
const AS = (user: keyof typeof DEMO_USERS) => ({
  accountId: DEMO_USERS[user].accountId,
  extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } },
});

/** Section id in the view → the comparison's list. */
const SECTIONS: Array<[string, (c: Comparison) => string[]]> = [
  ['added', (c) => c.added],
  ['removed', (c) => c.removed],
  ['moved', (c) => c.moved.map((m) => m.id)],
  ['slipped', (c) => c.slipped.map((s) => s.id)],
  ['pulled-in', (c) => c.pulledIn.map((s) => s.id)],
  ['status', (c) => c.status.map((s) => s.id)],
  ['metrics', (c) => c.metrics.map((m) => m.id)],
];

/**
 * "Since last review" on the rich demo: an editor marks the roadmap reviewed there (with a note), the plan changes
 * (a move with a reason, a slip, a metric), and the tab lists exactly what the domain's comparison computes from the
 * stored baseline — reasons beside the moves, drift as the page computes it — in both themes; earlier reviews can be
 * compared; readers see the agenda without the controls.
 */
describe('Since last review', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  const panel = () => app().getByTestId('review');
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  async function invoke<T>(key: string, payload: Record<string, unknown>, user: keyof typeof DEMO_USERS = 'admin'): Promise<T> {
    const result = (await session.host.forge.invoke(key, payload, AS(user))) as Result<T>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }
  const write = async (key: string, payload: Record<string, unknown>) =>
    invoke<MutationResult>(key, { baseRevision: (await roadmapAs(session.host, 'admin')).view.revision, ...payload });

  /** The latest review's baseline from storage against the roadmap now: what the tab must list. */
  async function expected(): Promise<Comparison> {
    const store = session.host.forge.deps.store;
    const [header] = await store.listReviews(TR.id);
    const baseline = decodeBaseline(header, await store.loadReviewParts(TR.id, header));
    return compareSnapshots(baseline, snapshotOf((await store.load(TR.id))!, new Date()));
  }

  const idsIn = (section: string) =>
    panel()
      .locator(`[data-testid="review-entry"][data-section="${section}"]`)
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-initiative-id')));
  const flagsIn = (section: string) =>
    panel()
      .locator(`[data-testid="review-entry"][data-section="${section}"]`)
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-flag')).sort());

  async function open(user: keyof typeof DEMO_USERS, theme: 'light' | 'dark' = 'light') {
    await session.page.setViewportSize({ width: 1280, height: 1000 });
    await session.page.goto(projectPageUrl(session.host, { user, theme, view: 'review' }));
    await waitForView(app(), 'review');
    await panel().getByTestId('review-summary').waitFor();
  }

  let marked = false;
  it('an editor marks the roadmap reviewed on the tab, with a note: the agenda starts from that review', async () => {
    await open('admin');
    const before = (await invoke<ReviewComparisonAnswer>('getReviewComparison', {})).baselines.length;
    await panel().getByLabel('Review note (optional)').fill('Monthly review: plan agreed with product');
    await panel().getByRole('button', { name: 'Mark reviewed' }).click();
    await panel()
      .getByTestId('review-summary')
      .filter({ hasText: `Since the review on ${formatDay(new Date())} by Ada Admin: no changes to the plan.` })
      .waitFor();
    marked = true;
    const answer = await invoke<ReviewComparisonAnswer>('getReviewComparison', {});
    expect(answer.baselines).toHaveLength(before + 1);
    expect(answer.baselines[0]).toMatchObject({ seq: before + 1, note: 'Monthly review: plan agreed with product', reviewer: DEMO_USERS.admin.accountId });
    expect(await panel().getByTestId('review-note-shown').innerText()).toContain('Monthly review: plan agreed with product');
    expect(await panel().getByLabel('Review note (optional)').inputValue()).toBe('');
  });

  /** A move with a reason, a slip and a metric update since the review: written once, read by both themes. */
  let changed: Promise<{ movedId: string; slippedId: string; metricId: string; appeared: string }> | null = null;
  const changeOnce = () =>
    (changed ??= (async () => {
      if (!marked) await write('markReviewed', { note: 'Monthly review' });
      const { view } = await roadmapAs(session.host, 'admin');
      const open = view.initiatives.filter((i) => i.status !== 'done' && i.status !== 'dropped' && i.horizonPin === null);
      const slip = open.find((i) => i.horizon === 'later')!;
      const move = open.find((i) => i.id !== slip.id && view.phases.some((p) => p.id !== i.phaseId))!;
      const metric = view.initiatives.find((i) => ![slip.id, move.id].includes(i.id) && i.successMetric.target !== undefined)!;
      const otherPhase = view.phases.find((p) => p.id !== move.phaseId)!;
      await write('moveInitiative', { initiativeId: move.id, to: { phaseId: otherPhase.id }, reason: 'The platform team owns it now' });
      await write('moveInitiative', {
        initiativeId: slip.id,
        to: { targetQuarter: addQuarters(slip.targetQuarter, 1) },
        reason: 'Vendor contract signed a quarter late',
      });
      const m = metric.successMetric;
      await write('updateInitiative', { initiativeId: metric.id, patch: { successMetric: { ...m, current: (m.current ?? 0) + 1 } } });
      // And in Jira, an epic of an open initiative moves to PAY (Jira tells the app, whose cached progress forgets
      // it): drift that appeared since the review.
      const holder = open.find((i) => i.epicIds.length > 0)!;
      const epic = session.host.forge.jira.data.issues.find((i) => i.id === holder.epicIds[0])!;
      Object.assign(epic, { projectId: DEMO_PROJECTS.PAY.id, key: 'PAY-90' });
      await session.host.forge.trigger({ eventType: 'avi:jira:updated:issue', issue: { id: epic.id } });
      return { movedId: move.id, slippedId: slip.id, metricId: metric.id, appeared: `epic-moved:${holder.id}:${epic.id}` };
    })());

  it.each(['light', 'dark'] as const)('lists exactly what compare() computes, with the reasons beside the moves (%s)', async (theme) => {
    const { movedId, slippedId, metricId, appeared } = await changeOnce();
    await open('admin', theme);
    const want = await expected();
    expect(want.moved.map((m) => m.id)).toContain(movedId);
    expect(want.slipped.map((s) => s.id)).toContain(slippedId);
    expect(want.metrics.map((m) => m.id)).toContain(metricId);
    for (const [section, ids] of SECTIONS) expect({ section, ids: await idsIn(section) }).toEqual({ section, ids: ids(want) });

    // Drift as the page computes it now (view + Jira progress), against the review's recorded flags.
    const { view } = await roadmapAs(session.host, 'admin');
    const progress = await invoke<ProgressReport>('getProgress', {});
    const answer = await invoke<ReviewComparisonAnswer>('getReviewComparison', {});
    const now = driftOf(view, progress, new Date());
    const drift = compareDrift(
      answer.comparison!.drift.from,
      { state: 'recorded', keys: now.flags.map((f) => f.key), uncovered: [] },
      new Set(view.initiatives.map((i) => i.id)),
    );
    await panel().locator('[data-testid="review-summary"][data-drift="compared"]').waitFor();
    expect(drift.appeared).toContain(appeared);
    expect(await flagsIn('drift-appeared')).toEqual([...drift.appeared].sort());
    expect(await flagsIn('drift-cleared')).toEqual([...drift.cleared].sort());

    // The reasons beside the moves, the summary in numbers.
    const moved = panel().locator(`[data-testid="review-entry"][data-section="moved"][data-initiative-id="${movedId}"]`);
    expect(await moved.getByTestId('review-reason').first().innerText()).toMatch(/^Why: “The platform team owns it now” · Ada Admin, /);
    const slipped = panel().locator(`[data-testid="review-entry"][data-section="slipped"][data-initiative-id="${slippedId}"]`);
    expect(await slipped.getByTestId('review-detail').innerText()).toMatch(/\(1 quarter later\)$/);
    expect(await slipped.getByTestId('review-reason').first().innerText()).toContain('Vendor contract signed a quarter late');
    const summary = await panel().getByTestId('review-summary').innerText();
    expect(summary).toContain(`${want.moved.length} moved`);
    expect(summary).toContain(`${want.slipped.length} slipped`);
    expect(summary).toContain(`${want.metrics.length} ${want.metrics.length === 1 ? 'metric' : 'metrics'} moved`);
    expect(summary).toContain('by Ada Admin');
    expect(changedIds(want).length).toBeGreaterThanOrEqual(3);

    await session.page.waitForTimeout(200);
    await expectNoSeriousViolations(session.page);
    await panel().screenshot({ path: path.join(SCREENS, `i10-review-${theme}.png`) });

    // Each initiative opens: editors get its editor.
    await moved.getByRole('button', { name: view.initiatives.find((i) => i.id === movedId)!.title }).click();
    await app().getByRole('dialog').waitFor();
    await session.page.keyboard.press('Escape');
    await app().getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('compares an earlier review with a later one through the picker (planned vs actual over time)', async () => {
    await changeOnce();
    await open('admin');
    const { baselines } = await invoke<ReviewComparisonAnswer>('getReviewComparison', {});
    const [latest, earlier] = baselines;
    await panel().getByLabel('Compare review').selectOption(String(earlier.seq));
    await panel().getByLabel('with').selectOption(String(latest.seq));
    await panel()
      .getByTestId('review-summary')
      .filter({ hasText: `From review #${earlier.seq}` })
      .waitFor();
    const store = session.host.forge.deps.store;
    const headers = await store.listReviews(TR.id);
    const decode = async (seq: number) => {
      const header = headers.find((h) => h.seq === seq)!;
      return decodeBaseline(header, await store.loadReviewParts(TR.id, header));
    };
    const want = compareSnapshots(await decode(earlier.seq), await decode(latest.seq));
    for (const [section, ids] of SECTIONS) expect({ section, ids: await idsIn(section) }).toEqual({ section, ids: ids(want) });
    // The demo's first review was stored without Jira: drift cannot be compared, and the page says why.
    expect(await panel().getByTestId('review-notice').first().innerText()).toContain('Drift was not recorded');
    await session.page.screenshot({ path: path.join(SCREENS, 'i10-review-picker-light.png'), fullPage: true });
  });

  it('a reader sees the agenda, without Mark reviewed or the note', async () => {
    await changeOnce();
    await open('outsider', 'dark');
    expect(await panel().getByRole('button', { name: 'Mark reviewed' }).count()).toBe(0);
    expect(await panel().getByLabel('Review note (optional)').count()).toBe(0);
    const want = await expected();
    for (const [section, ids] of SECTIONS) expect({ section, ids: await idsIn(section) }).toEqual({ section, ids: ids(want) });
    await expectNoSeriousViolations(session.page);
  });
});

describe('Since last review before the first review', () => {
  const session = useBrowserSession();
  const app = () => session.app();

  it.each(['light', 'dark'] as const)('says how to start comparing, and Mark reviewed starts it (%s)', async (theme) => {
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.goto(projectPageUrl(session.host, { user: 'member', theme, view: 'review' }));
    await waitForView(app(), 'review');
    const panel = app().getByTestId('review');
    if (theme === 'light') {
      await panel.getByTestId('review-empty').waitFor();
      expect(await panel.getByTestId('review-empty').innerText()).toContain('Mark the roadmap reviewed to start comparing');
      await expectNoSeriousViolations(session.page);
      await panel.screenshot({ path: path.join(SCREENS, `i10-review-empty-${theme}.png`) });
      await panel.getByRole('button', { name: 'Mark reviewed' }).click();
      await panel.getByTestId('review-summary').filter({ hasText: 'no changes to the plan' }).waitFor();
      expect(await panel.getByTestId('review-empty').count()).toBe(0);
    } else {
      // Reviewed in the light run: the agenda is there, in the dark theme too.
      await panel.getByTestId('review-summary').waitFor();
      await expectNoSeriousViolations(session.page);
      await panel.screenshot({ path: path.join(SCREENS, `i10-review-empty-after-${theme}.png`) });
    }
  });
});
