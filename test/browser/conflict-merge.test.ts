import fs from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import type { ChangelogPage, Result, RoadmapView } from '../../src/domain/api';
import { openView, useBrowserSession } from './harness';

const PROJECT = { id: '10000', key: 'TR' };
const ADMIN = { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: PROJECT } };
const SCREENS = process.env.SCREENS_DIR ?? '/tmp/team/screens';

type User = 'admin' | 'member';
type Theme = 'light' | 'dark';

/**
 * Two people edit the same thing; the first saves; the second's save meets a CONFLICT. The form must rebase three
 * ways onto the newest version — keep the second person's fields, take the first person's, and ask about a field both
 * changed — and the re-applied save must send only the second person's fields (issue 6, item 11). Two tabs, two
 * users, the real resolvers; what is stored is read through the resolvers, not the DOM.
 */
describe('a save that meets a CONFLICT rebases three ways', () => {
  const session = useBrowserSession();
  const extraPages: Page[] = [];
  afterEach(async () => {
    while (extraPages.length) await extraPages.pop()!.close();
  });

  async function openAs(user: User, theme: Theme = 'light', page?: Page): Promise<{ page: Page; app: FrameLocator }> {
    let tab = page;
    if (!tab) {
      tab = await session.newPage();
      extraPages.push(tab);
    }
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.goto(`${session.host.url}/jira/TR/roadmap?user=${user}&theme=${theme}`);
    const app = tab.frameLocator('#app-frame');
    await app.getByTestId('initiative-card').first().waitFor();
    return { page: tab, app };
  }
  const editorOf = (app: FrameLocator, id: string) => app.locator(`[data-testid="initiative-editor"][data-initiative-id="${id}"]`);
  async function openEditor(app: FrameLocator, id: string) {
    const card = app.locator(`[data-testid="initiative-card"][data-initiative-id="${id}"]`);
    await card.getByRole('button', { name: /^Edit “/ }).click();
    await editorOf(app, id).waitFor();
    return editorOf(app, id);
  }
  async function storedView(): Promise<RoadmapView> {
    const view = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    return view.value;
  }
  async function storedInitiative(id: string) {
    const found = (await storedView()).initiatives.find((i) => i.id === id);
    if (!found) throw new Error(`${id} is not stored`);
    return found;
  }
  async function newestChange() {
    const page = (await session.host.forge.invoke('getChangelog', { limit: 1 }, ADMIN)) as Result<ChangelogPage>;
    if (!page.ok) throw new Error(page.error.message);
    return page.value.changes[0];
  }
  async function idOf(title: string) {
    const found = (await storedView()).initiatives.find((i) => i.title === title);
    if (!found) throw new Error(`No initiative "${title}"`);
    return found.id;
  }
  const shoot = async (locator: ReturnType<FrameLocator['locator']>, name: string) => {
    fs.mkdirSync(SCREENS, { recursive: true });
    await locator.screenshot({ path: `${SCREENS}/${name}.png`, animations: 'disabled' });
  };

  it('keeps the first person’s goal and the second person’s title: the re-applied save sends only the title', async () => {
    const id = await idOf('Centralize logging');
    const before = await storedInitiative(id);
    const admin = await openAs('admin');
    const member = await openAs('member');
    const adminEditor = await openEditor(admin.app, id);
    const memberEditor = await openEditor(member.app, id);

    // The first person changes the goal and saves.
    await adminEditor.getByLabel('Goal', { exact: true }).fill('One place to search every service’s logs');
    await adminEditor.getByRole('button', { name: 'Save changes' }).click();
    await adminEditor.waitFor({ state: 'detached' });
    expect((await storedInitiative(id)).goal).toBe('One place to search every service’s logs');

    // The second person, still on the version they opened, changes the title and saves: CONFLICT, then a rebase.
    await memberEditor.getByLabel('Title', { exact: true }).fill('Centralize logging in Datadog');
    await memberEditor.getByRole('button', { name: 'Save changes' }).click();
    const notice = memberEditor.getByTestId('merge-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Someone else saved first: your changes are kept');
    expect(await notice.getByTestId('merge-taken').textContent()).toContain('Their changes to Goal are now in the form.');
    expect(await notice.getByRole('radio').count()).toBe(0);
    await shoot(notice, 'rebased-editor-light');
    // The form shows their goal and keeps my title.
    expect(await memberEditor.getByLabel('Goal', { exact: true }).inputValue()).toBe('One place to search every service’s logs');
    expect(await memberEditor.getByLabel('Title', { exact: true }).inputValue()).toBe('Centralize logging in Datadog');
    // Nothing was written by the refused save.
    expect((await storedInitiative(id)).title).toBe(before.title);

    await memberEditor.getByRole('button', { name: 'Save changes' }).click();
    await memberEditor.waitFor({ state: 'detached' });
    const saved = await storedInitiative(id);
    expect(saved.title).toBe('Centralize logging in Datadog');
    expect(saved.goal).toBe('One place to search every service’s logs');
    expect(saved.successMetric).toEqual(before.successMetric);
    const change = await newestChange();
    expect(change.diffs.map((d) => d.field)).toEqual(['title']);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`shows both values of a field both changed and stores the one chosen (${theme} theme)`, async () => {
      const id = await idOf(theme === 'light' ? 'Adopt feature flags' : 'Parallelize CI pipeline');
      const before = await storedInitiative(id);
      const admin = await openAs('admin', theme);
      const member = await openAs('member', theme);
      const adminEditor = await openEditor(admin.app, id);
      const memberEditor = await openEditor(member.app, id);

      await adminEditor.getByLabel('Title', { exact: true }).fill(`${before.title} (admin)`);
      await adminEditor.getByLabel('Goal', { exact: true }).fill('Goal as the admin wrote it');
      await adminEditor.getByLabel('Status').selectOption({ label: 'In progress' });
      await adminEditor.getByRole('button', { name: 'Save changes' }).click();
      await adminEditor.waitFor({ state: 'detached' });

      await memberEditor.getByLabel('Title', { exact: true }).fill(`${before.title} (member)`);
      await memberEditor.getByLabel('Goal', { exact: true }).fill('Goal as the member wrote it');
      await memberEditor.getByLabel('Effort', { exact: true }).fill('8');
      await memberEditor.getByRole('button', { name: 'Save changes' }).click();

      const notice = memberEditor.getByTestId('merge-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Someone else changed this while you were editing');
      expect(await notice.getByTestId('merge-taken').textContent()).toContain('Their changes to Status are now in the form.');
      const title = notice.getByTestId(`edit-${id}-conflict-patch-title`);
      const goal = notice.getByTestId(`edit-${id}-conflict-patch-goal`);
      expect(await title.getByTestId(`edit-${id}-conflict-patch-title-mine-value`).textContent()).toBe(`${before.title} (member)`);
      expect(await title.getByTestId(`edit-${id}-conflict-patch-title-theirs-value`).textContent()).toBe(`${before.title} (admin)`);
      expect(await goal.getByTestId(`edit-${id}-conflict-patch-goal-mine-value`).textContent()).toBe('Goal as the member wrote it');
      expect(await goal.getByTestId(`edit-${id}-conflict-patch-goal-theirs-value`).textContent()).toBe('Goal as the admin wrote it');
      // Status only they changed: taken, no question. Effort only I changed: kept.
      expect(await memberEditor.getByLabel('Status').inputValue()).toBe('in-progress');
      expect(await memberEditor.getByLabel('Effort', { exact: true }).inputValue()).toBe('8');
      await shoot(notice, `conflict-editor-${theme}`);

      // Saving waits for a choice on each.
      const writes = session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
      await memberEditor.getByRole('button', { name: 'Save changes' }).click();
      await memberEditor.getByTestId('initiative-editor-error').filter({ hasText: 'choose which value to keep' }).waitFor();
      expect(await memberEditor.getByTestId('initiative-editor-error').textContent()).toContain('Title and Goal');
      expect(session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0).toBe(writes);

      await title.getByRole('radio', { name: 'Keep mine' }).check();
      await goal.getByRole('radio', { name: 'Take theirs' }).check();
      expect(await memberEditor.getByLabel('Title', { exact: true }).inputValue()).toBe(`${before.title} (member)`);
      expect(await memberEditor.getByLabel('Goal', { exact: true }).inputValue()).toBe('Goal as the admin wrote it');
      // The reminder goes once each field has a choice.
      await memberEditor.getByTestId('initiative-editor-error').waitFor({ state: 'detached' });
      await shoot(notice, `conflict-editor-chosen-${theme}`);

      await memberEditor.getByRole('button', { name: 'Save changes' }).click();
      await memberEditor.waitFor({ state: 'detached' });
      const saved = await storedInitiative(id);
      expect(saved.title).toBe(`${before.title} (member)`);
      expect(saved.goal).toBe('Goal as the admin wrote it');
      expect(saved.status).toBe('in-progress');
      expect(saved.effort).toBe(8);
      expect((await newestChange()).diffs.map((d) => d.field).sort()).toEqual(['effort', 'title']);
    });
  }

  it('settings: one admin changes the buffer, another the review cadence; both are stored', async () => {
    const before = await storedView();
    const first = await openAs('admin');
    const second = await openAs('admin');
    const form = (app: FrameLocator) => app.getByTestId('settings-form');
    for (const { app } of [first, second]) {
      await openView(app, 'settings');
      await app.getByTestId('settings').getByRole('button', { name: 'Edit settings' }).click();
      await form(app).waitFor();
    }
    await first.app.getByTestId('settings-form').getByLabel('Review cadence (days)').fill('14');
    await form(first.app).getByRole('button', { name: 'Save settings' }).click();
    await form(first.app).waitFor({ state: 'detached' });

    await form(second.app).getByLabel('Buffer %').fill('30');
    await form(second.app).getByRole('button', { name: 'Save settings' }).click();
    const notice = form(second.app).getByTestId('merge-notice');
    await notice.waitFor();
    expect(await notice.getByTestId('merge-taken').textContent()).toContain('Their changes to Review cadence (days) are now in the form.');
    expect(await form(second.app).getByLabel('Review cadence (days)').inputValue()).toBe('14');
    await form(second.app).getByRole('button', { name: 'Save settings' }).click();
    await form(second.app).waitFor({ state: 'detached' });

    const stored = await storedView();
    expect(stored.reviewCadenceDays).toBe(14);
    expect(stored.capacity).toEqual({ ...before.capacity, bufferPercent: 30 });
    expect((await newestChange()).diffs.map((d) => d.field)).toEqual(['capacity']);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`settings: both changed the business goals; the notice shows both lists and stores the one chosen (${theme} theme)`, async () => {
      const view = await storedView();
      const first = await openAs('admin', theme);
      const second = await openAs('admin', theme);
      const form = (app: FrameLocator) => app.getByTestId('settings-form');
      for (const { app } of [first, second]) {
        await openView(app, 'settings');
        await app.getByTestId('settings').getByRole('button', { name: 'Edit settings' }).click();
        await form(app).waitFor();
      }
      const goalCount = view.businessGoals.length;
      const addGoal = async (app: FrameLocator, title: string, metric: string) => {
        await form(app).getByRole('button', { name: 'Add goal' }).click();
        await form(app)
          .getByLabel(`Goal ${goalCount + 1}`, { exact: true })
          .fill(title);
        await form(app)
          .getByLabel(`Metric ${goalCount + 1}`, { exact: true })
          .fill(metric);
      };
      await addGoal(first.app, `Cut cloud cost (${theme})`, 'Monthly AWS bill');
      await form(first.app).getByRole('button', { name: 'Save settings' }).click();
      await form(first.app).waitFor({ state: 'detached' });

      await addGoal(second.app, `Fewer incidents (${theme})`, 'Pages per week');
      await form(second.app).getByLabel('Roadmap title').fill(`Platform roadmap (${theme})`);
      await form(second.app).getByRole('button', { name: 'Save settings' }).click();
      const notice = form(second.app).getByTestId('merge-notice');
      await notice.waitFor();
      const goals = notice.getByTestId('roadmap-conflict-settings-businessGoals');
      expect(await goals.getByTestId('roadmap-conflict-settings-businessGoals-mine-value').textContent()).toContain(
        `Fewer incidents (${theme}) — Pages per week`,
      );
      expect(await goals.getByTestId('roadmap-conflict-settings-businessGoals-theirs-value').textContent()).toContain(
        `Cut cloud cost (${theme}) — Monthly AWS bill`,
      );
      await shoot(notice, `conflict-settings-${theme}`);

      await goals.getByRole('radio', { name: 'Take theirs' }).check();
      await form(second.app).getByRole('button', { name: 'Save settings' }).click();
      await form(second.app).waitFor({ state: 'detached' });
      const stored = await storedView();
      expect(stored.title).toBe(`Platform roadmap (${theme})`);
      expect(stored.businessGoals.map((g) => g.title)).toEqual([...view.businessGoals.map((g) => g.title), `Cut cloud cost (${theme})`]);
      expect((await newestChange()).diffs.map((d) => d.field)).toEqual(['title']);
    });
  }

  it('the move form keeps the quarter someone else set and moves only the phase', async () => {
    const id = await idOf('Implement CDN for static assets');
    const before = await storedInitiative(id);
    const view = await storedView();
    const other = view.phases.find((p) => p.id !== before.phaseId)!;
    const admin = await openAs('admin');
    const member = await openAs('member', 'dark');
    // The move form opens in a dialog over the board, not inside the card.
    const moveForm = (app: FrameLocator) => app.getByTestId('move-form');
    for (const { app } of [admin, member]) {
      await app
        .locator(`[data-testid="initiative-card"][data-initiative-id="${id}"]`)
        .getByRole('button', { name: /^Move “/ })
        .click();
      await moveForm(app).waitFor();
    }
    const [year, q] = before.targetQuarter.split('-Q').map(Number);
    const later = q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
    await moveForm(admin.app).getByLabel('Target quarter').fill(later);
    await moveForm(admin.app).getByLabel('Why is it moving?').fill('Vendor contract slipped');
    await moveForm(admin.app).getByRole('button', { name: 'Move initiative' }).click();
    await moveForm(admin.app).waitFor({ state: 'detached' });

    await moveForm(member.app).getByLabel('Phase').selectOption(other.id);
    await moveForm(member.app).getByLabel('Why is it moving?').fill('Belongs with the other work');
    await moveForm(member.app).getByRole('button', { name: 'Move initiative' }).click();
    await moveForm(member.app).getByTestId('merge-notice').waitFor();
    await shoot(moveForm(member.app), 'rebased-move-dark');
    expect(await moveForm(member.app).getByLabel('Target quarter').inputValue()).toBe(later);
    await moveForm(member.app).getByRole('button', { name: 'Move initiative' }).click();
    await moveForm(member.app).waitFor({ state: 'detached' });
    const saved = await storedInitiative(id);
    expect(saved.targetQuarter).toBe(later);
    expect(saved.phaseId).toBe(other.id);
    expect((await newestChange()).diffs.map((d) => d.field)).toEqual(['phaseId']);
  });
});
