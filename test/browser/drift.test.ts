import fs from 'node:fs';
import path from 'node:path';
import type { DemoUserName } from '../../dev/host/frame-context';
import { DEMO_PROJECTS, DEMO_USERS } from '../../dev/jira';
import type { ProgressReport, Result } from '../../src/domain/api';
import { driftCountsText, driftOf, type DriftReport } from '../../src/domain/rules/drift';
import { expectNoSeriousViolations } from './a11y';
import { openView, projectPageUrl, roadmapAs, useBrowserSession, waitForView } from './harness';

const SCREENS = '/tmp/team/screens';
const TR = DEMO_PROJECTS.TR;
/** The rich demo's drift that the page must show (dev/demo-rich.ts): its GDPR epic is done, the initiative is not. */
const GDPR = 'GDPR and EU AI Act readiness';

/**
 * Drift on the rich demo, in the browser: the Drift tab shows exactly what the domain rules say for what this user
 * sees of the roadmap and of Jira (the resolvers, as them), editors get one-action fixes and readers none, a fix lands
 * and its flag clears, the board's cards, Health and the one-pager (page and macro) carry drift too, and the tab is
 * accessible in both themes.
 */
describe('drift between the roadmap and Jira', () => {
  const session = useBrowserSession({ seed: 'rich' });
  const app = () => session.app();
  beforeAll(() => fs.mkdirSync(SCREENS, { recursive: true }));

  /** What `user` gets from the resolvers — the view and Jira's progress, as them — and its drift as of today. */
  const driftAs = async (user: DemoUserName): Promise<DriftReport> => {
    const { view } = await roadmapAs(session.host, user);
    const context = { accountId: DEMO_USERS[user].accountId, extension: { type: 'jira:projectPage', project: { id: TR.id, key: TR.key } } };
    const progress = (await session.host.forge.invoke('getProgress', {}, context)) as Result<ProgressReport>;
    if (!progress.ok) throw new Error(progress.error.message);
    return driftOf(view, progress.value, new Date());
  };
  const shownFlags = async () =>
    app()
      .getByTestId('drift-flag')
      .evaluateAll((rows) =>
        rows.map((row) => ({
          key: row.getAttribute('data-key'),
          message: row.querySelector('[data-testid="drift-message"]')?.textContent ?? '',
          fixes: row.querySelectorAll('[data-testid="drift-fix"]').length,
        })),
      );

  it('says "Checking Jira…" while Jira is asked, then shows the flags', async () => {
    // The first progress request of this host, slowed: nothing is cached yet anywhere.
    session.host.forge.jira.faults.latency(/\/issue\/bulkfetch/, 2500, { times: 1 });
    await session.page.goto(projectPageUrl(session.host, { user: 'member', view: 'drift' }));
    const checking = app().getByTestId('drift-checking');
    await checking.waitFor();
    expect(await checking.textContent()).toBe('Checking Jira…');
    await checking.waitFor({ state: 'detached' });
    await app().getByTestId('drift-flag').first().waitFor();
  });

  for (const user of ['admin', 'outsider'] as const) {
    it(`${user}: the Drift tab lists exactly driftOf(view, progress, today), counted, with fixes only for editors`, async () => {
      const expected = await driftAs(user);
      expect(expected.flags.map((f) => f.key)).toContain(`epics-done:I-7`);
      await session.page.goto(projectPageUrl(session.host, { user, view: 'drift' }));
      await waitForView(app(), 'drift');
      await app().getByTestId('drift-flag').first().waitFor();
      const shown = await shownFlags();
      expect(shown.map(({ key, message }) => ({ key, message }))).toEqual(expected.flags.map(({ key, message }) => ({ key, message })));
      expect(await app().getByTestId('drift-counts').textContent()).toBe(driftCountsText(expected.counts));
      // Every kind present is a section, in the report's order, with its count.
      const sections = await app()
        .locator('[data-testid^="drift-kind-"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
      expect(sections).toEqual([...new Set(expected.flags.map((f) => `drift-kind-${f.kind}`))]);
      // The tab says how many.
      expect(
        await app()
          .getByRole('tab', { name: /^Drift/ })
          .textContent(),
      ).toBe(`Drift${expected.flags.length}`);
      const fixes = shown.map((s) => s.fixes);
      if (user === 'admin') expect(fixes).toEqual(expected.flags.map((f) => (f.fix ? 1 : 0)));
      else {
        expect(fixes.every((n) => n === 0)).toBe(true);
        // The reader's Drift tab (no buttons) is accessible in both themes too.
        await expectNoSeriousViolations(session.page);
        await session.page.goto(projectPageUrl(session.host, { user, view: 'drift', theme: 'dark' }));
        await app().getByTestId('drift-flag').first().waitFor();
        await session.page.waitForTimeout(200);
        await expectNoSeriousViolations(session.page);
      }
    });
  }

  it('the board’s cards carry drift (overdue folds in past-target), and the screenshots of a card with drift', async () => {
    const expected = await driftAs('admin');
    await session.page.setViewportSize({ width: 1400, height: 1000 });
    for (const theme of ['light', 'dark'] as const) {
      await session.page.goto(projectPageUrl(session.host, { user: 'admin', theme }));
      const gdpr = app().getByTestId('initiative-card').filter({ hasText: GDPR });
      const flag = gdpr.locator('[data-testid="card-flag"][data-kind="epics-done"]');
      await flag.waitFor();
      expect(await flag.textContent()).toContain('Epics done');
      expect(await flag.getAttribute('title')).toBe(expected.flags.find((f) => f.key === 'epics-done:I-7')!.message);
      if (theme === 'light') {
        // Every drift flag but past-target is a card flag of its kind; past-target is the overdue flag's sentence.
        for (const f of expected.flags) {
          const card = app().locator(`[data-testid="initiative-card"][data-initiative-id="${f.initiativeId}"]`);
          if (f.kind === 'past-target') {
            expect(await card.locator('[data-testid="card-flag"][data-kind="overdue"]').getAttribute('title')).toBe(f.message);
            expect(await card.locator('[data-testid="card-flag"][data-kind="past-target"]').count()).toBe(0);
          } else {
            expect(await card.locator(`[data-testid="card-flag"][data-kind="${f.kind}"]`).getAttribute('data-drift')).toBe('true');
          }
        }
      }
      await gdpr.scrollIntoViewIfNeeded();
      await session.page.waitForTimeout(200);
      await gdpr.screenshot({ path: path.join(SCREENS, `i10-drift-card-${theme}.png`) });
    }
  });

  it('Drift tab and Health: no serious axe violation in either theme; screenshots', async () => {
    await session.page.setViewportSize({ width: 1400, height: 1000 });
    for (const theme of ['light', 'dark'] as const) {
      await session.page.goto(projectPageUrl(session.host, { user: 'admin', theme, view: 'drift' }));
      await waitForView(app(), 'drift');
      await app().getByTestId('drift-flag').first().waitFor();
      await session.page.waitForTimeout(200);
      await expectNoSeriousViolations(session.page);
      await session.page.screenshot({ path: path.join(SCREENS, `i10-drift-${theme}.png`), fullPage: true });

      await openView(app(), 'health');
      const section = app().getByTestId('health-drift');
      await section.getByTestId('health-drift-counts').waitFor();
      const expected = await driftAs('admin');
      expect(await section.getByTestId('health-drift-counts').textContent()).toContain(driftCountsText(expected.counts));
      await expectNoSeriousViolations(session.page);
      await section.screenshot({ path: path.join(SCREENS, `i10-drift-health-${theme}.png`) });
      if (theme === 'light') {
        await section.getByRole('button', { name: 'Open Drift' }).click();
        await waitForView(app(), 'drift');
      }
    }
  });

  it('the one-pager gives each initiative a line of drift, on the page and in the Confluence macro', async () => {
    const expected = await driftAs('admin');
    const lineOf = (id: string) => {
      const flags = expected.flags.filter((f) => f.initiativeId === id);
      return flags.length === 0 ? null : `Drift from Jira: ${flags[0].label}${flags.length > 1 ? ` +${flags.length - 1}` : ''}`;
    };
    const check = async () => {
      const lines = app().getByTestId('executive-initiative');
      await lines.first().waitFor();
      await app().locator('[data-testid="executive-drift"][data-state="checking"]').first().waitFor({ state: 'detached' });
      const shown = await lines.evaluateAll((els) =>
        els.map((el) => ({ id: el.getAttribute('data-initiative-id')!, text: el.querySelector('[data-testid="executive-drift"]')?.textContent ?? '' })),
      );
      expect(shown.length).toBeGreaterThan(3);
      for (const { id, text } of shown) {
        const line = lineOf(id);
        if (line) expect(text).toBe(line);
        else expect(['On track with Jira', 'No drift']).toContain(text);
      }
      expect(shown.find((s) => s.id === 'I-7')?.text).toBe('Drift from Jira: Epics done');
    };
    await session.page.setViewportSize({ width: 1400, height: 1000 });
    for (const theme of ['light', 'dark'] as const) {
      await session.page.goto(projectPageUrl(session.host, { user: 'admin', view: 'executive', theme }));
      await check();
      await session.page.waitForTimeout(200);
      await session.page.screenshot({ path: path.join(SCREENS, `i10-drift-executive-${theme}.png`), fullPage: true });
    }
    // Confluence page 1 embeds TR's executive view (dev/demo-rich.ts), read-only, with progress and drift as its reader.
    await session.page.goto(`${session.host.url}/confluence/pages/1?user=admin`);
    await check();
    // Page 2 embeds the board: its cards carry drift too.
    await session.page.goto(`${session.host.url}/confluence/pages/2?user=admin`);
    await app().locator('[data-testid="initiative-card"][data-initiative-id="I-7"] [data-testid="card-flag"][data-kind="epics-done"]').waitFor();
  });

  it('editors’ fixes: "Update metric" opens the editor on the metric, "Move" the Move dialog set to the horizon', async () => {
    await session.page.goto(projectPageUrl(session.host, { user: 'member', view: 'drift' }));
    await waitForView(app(), 'drift');
    const stale = app().getByTestId('drift-flag').and(app().locator('[data-kind="metric-stale"]')).first();
    await stale.getByTestId('drift-fix').click();
    const editor = app().getByTestId('initiative-editor');
    await editor.waitFor();
    // The metric's current value has the focus (the field the fix is about).
    const id = await stale.getAttribute('data-initiative-id');
    await editor.locator(`[id="edit-${id}-patch-successMetric-current"]:focus`).waitFor();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });

    const early = app().getByTestId('drift-flag').and(app().locator('[data-kind="later-in-progress"]')).first();
    await early.getByTestId('drift-fix').click();
    const move = app().getByTestId('move-form');
    await move.waitFor();
    expect(await move.getByRole('radio', { name: 'Now' }).isChecked()).toBe(true);
    await move.getByRole('button', { name: 'Cancel' }).click();
    await move.waitFor({ state: 'detached' });
  });

  it('"Mark done" on an epics-done flag lands and the flag clears', async () => {
    await session.page.goto(projectPageUrl(session.host, { user: 'member', view: 'drift' }));
    await waitForView(app(), 'drift');
    const flag = app().locator('[data-testid="drift-flag"][data-key="epics-done:I-7"]');
    const fix = flag.getByTestId('drift-fix');
    expect(await fix.textContent()).toBe('Mark done');
    const before = (await shownFlags()).length;
    await fix.click();
    await flag.waitFor({ state: 'detached' });
    expect((await roadmapAs(session.host, 'member')).view.initiatives.find((i) => i.id === 'I-7')?.status).toBe('done');
    expect((await shownFlags()).map((f) => f.key)).toEqual((await driftAs('member')).flags.map((f) => f.key));
    expect((await shownFlags()).length).toBeLessThan(before);
    // The landed change is in the changelog, by this user.
    const { changes } = await session.host.forge.deps.store.listChanges(TR.id, { limit: 1 });
    expect(changes[0]).toMatchObject({ accountId: DEMO_USERS.member.accountId, diffs: [{ id: 'I-7', field: 'status', after: 'done' }] });
  });
});
