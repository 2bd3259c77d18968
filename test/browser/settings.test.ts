import type { MutationResult, Result, RoadmapView } from '../../src/domain/api';
import { openView, projectPageUrl, useBrowserSession } from './harness';

const ADMIN = { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } };

/**
 * Roadmap settings on the project page, in Chromium against the real resolvers on the local host, seeded with the
 * demo roadmap (capacity not set, 25 % buffer, no business goals). The tests share one host and run in order: each
 * starts from what the one before saved.
 */
describe('roadmap settings', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const settings = () => app().getByTestId('settings');
  const form = () => app().getByTestId('settings-form');
  /** Opens the page on its Settings view, the way the header's Settings button or a link to it does. */
  const open = async (user: 'admin' | 'member') => {
    await session.page.goto(projectPageUrl(session.host, { user, view: 'settings' }));
    await settings().getByTestId('settings-summary').waitFor();
  };
  const edit = async () => {
    await settings().getByRole('button', { name: 'Edit settings' }).click();
    await form().waitFor();
  };
  const save = async () => {
    await form().getByRole('button', { name: 'Save settings' }).click();
  };
  const writes = () => session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
  async function storedView(): Promise<RoadmapView> {
    const view = (await session.host.forge.invoke('getRoadmapView', {}, ADMIN)) as Result<RoadmapView>;
    if (!view.ok) throw new Error(view.error.message);
    return view.value;
  }
  /** A write straight through the resolvers, as the admin, against the current revision. */
  async function write(key: string, payload: Record<string, unknown>): Promise<MutationResult> {
    const view = await storedView();
    const result = (await session.host.forge.invoke(key, { baseRevision: view.revision, ...payload }, ADMIN)) as Result<MutationResult>;
    if (!result.ok) throw new Error(`${key}: ${result.error.message}`);
    return result.value;
  }
  const newestChangeSummary = () => app().getByTestId('changelog').getByTestId('change-entry').first().getByTestId('change-summary');
  /** Looks at another view and comes back to Settings (the tabs keep one view on screen at a time). */
  async function onView(view: 'capacity' | 'changelog', check: () => Promise<void>) {
    await openView(app(), view);
    await check();
    await openView(app(), 'settings');
  }

  it('shows the seeded defaults as a summary', async () => {
    await open('admin');
    const summary = settings().getByTestId('settings-summary');
    expect(await summary.getByTestId('settings-owner').textContent()).toBe('Not set');
    expect(await summary.getByTestId('settings-cadence').textContent()).toBe('Reviewed every 30 days');
    expect(await summary.getByTestId('settings-capacity').textContent()).toBe('Not set (person-weeks, 25 % buffer)');
    expect(await summary.getByTestId('settings-horizons').textContent()).toBe('Now = this quarter, Next = the following quarter');
    expect(await summary.getByTestId('settings-goals-empty').count()).toBe(1);
    expect(await summary.getByTestId('settings-goal-count-warning').textContent()).toContain('The roadmap has 0 business goals: name 3–5');
    expect(await settings().getByTestId('settings-form').count()).toBe(0);
  });

  it('sets capacity and two business goals as an admin; the capacity panel and the summary follow', async () => {
    await open('admin');
    const capacity = app().getByTestId('capacity-panel');
    await onView('capacity', async () => expect(await capacity.getByTestId('capacity-not-set').count()).toBe(1));

    await edit();
    expect(await form().getByLabel('Roadmap title').inputValue()).toBe('Tech Roadmap Demo technical roadmap');
    expect(await form().getByLabel('Review cadence (days)').inputValue()).toBe('30');
    expect(await form().getByLabel('Quarters in Now').inputValue()).toBe('1');
    expect(await form().getByLabel('Quarters in Next').inputValue()).toBe('1');
    await form().getByLabel('Capacity per quarter').fill('60');
    await form().getByLabel('Unit').selectOption('person-weeks');
    await form().getByLabel('Buffer %').fill('25');
    await form().getByRole('button', { name: 'Add goal' }).click();
    await form().getByLabel('Goal 1', { exact: true }).fill('Cut infrastructure cost');
    await form().getByLabel('Metric 1', { exact: true }).fill('Cloud spend per active user −20 %');
    await form().getByRole('button', { name: 'Add goal' }).click();
    await form().getByLabel('Goal 2', { exact: true }).fill('Ship faster');
    await form().getByLabel('Metric 2', { exact: true }).fill('Lead time under 2 days');
    expect(await form().getByTestId('buffer-setting-warning').count()).toBe(0);
    await save();
    await form().waitFor({ state: 'detached' });

    await openView(app(), 'capacity');
    await capacity.getByTestId('capacity-settings').waitFor();
    expect(await capacity.getByTestId('capacity-not-set').count()).toBe(0);
    expect(await capacity.getByTestId('capacity-settings').textContent()).toContain('60 person-weeks per quarter, 25 % kept as buffer');
    const current = capacity.getByTestId('capacity-quarter').filter({ hasText: '(current)' });
    const cells = current.locator('td');
    expect(await cells.nth(0).textContent()).toBe('60'); // capacity
    expect(await cells.nth(1).textContent()).toBe('15 (25 %)'); // buffer kept
    expect(await cells.nth(2).textContent()).toBe('45'); // plannable
    expect(await current.getAttribute('data-state')).toBe('within-plan');

    await openView(app(), 'settings');
    expect(await form().count()).toBe(0);
    const summary = settings().getByTestId('settings-summary');
    expect(await summary.getByTestId('settings-capacity').textContent()).toBe('60 person-weeks per quarter, 25 % buffer (45 plannable)');
    expect(await summary.getByTestId('settings-goal').allTextContents()).toEqual([
      'Cut infrastructure cost — Cloud spend per active user −20 %',
      'Ship faster — Lead time under 2 days',
    ]);
    expect(await summary.getByTestId('settings-goal-count-warning').textContent()).toContain('The roadmap has 2 business goals');

    // Only what changed was sent: the change names capacity and the goals, nothing else.
    await onView('changelog', async () => {
      await newestChangeSummary().filter({ hasText: 'Changed roadmap settings' }).waitFor();
      expect(await newestChangeSummary().textContent()).toBe('Changed roadmap settings (capacity, business goals)');
    });
    const stored = await storedView();
    expect(stored.capacity).toEqual({ perQuarter: 60, unit: 'person-weeks', bufferPercent: 25 });
    expect(stored.businessGoals.map((g) => [g.id, g.title])).toEqual([
      ['G-1', 'Cut infrastructure cost'],
      ['G-2', 'Ship faster'],
    ]);

    // Stored, not just shown.
    await session.page.reload();
    await settings().getByTestId('settings-goal').first().waitFor();
    expect(await settings().getByTestId('settings-goal').count()).toBe(2);
  });

  it('the roadmap owner is picked by name and shown by name, never as an account id', async () => {
    await open('admin');
    expect(await settings().getByTestId('settings-owner').textContent()).toBe('Not set');
    await edit();
    await form().getByLabel('Roadmap owner').fill('max');
    await form().getByRole('button', { name: 'Choose Max Member' }).click();
    await save();
    await form().waitFor({ state: 'detached' });
    await settings().getByTestId('settings-owner').getByTestId('person').filter({ hasText: 'Max Member' }).waitFor();
    expect((await settings().textContent()) ?? '').not.toContain('557058:');
    expect((await storedView()).ownerAccountId).toBe('557058:bbbb-member');
    await openView(app(), 'changelog');
    await newestChangeSummary().filter({ hasText: 'Changed roadmap settings' }).waitFor();
    expect((await app().getByTestId('changelog').textContent()) ?? '').not.toContain('557058:');
  });

  it('warns live about a buffer outside 20–30 % and still saves it', async () => {
    await open('admin');
    await edit();
    await form().getByLabel('Buffer %').fill('35');
    const warning = form().getByTestId('buffer-setting-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toBe('A 35 % buffer is above the recommended 20–30 %: capacity may sit unplanned');
    await form().getByLabel('Buffer %').fill('22');
    expect(await warning.count()).toBe(0);
    await form().getByLabel('Buffer %').fill('12');
    expect(await warning.textContent()).toContain('below the recommended 20–30 %');
    await form().getByLabel('Buffer %').fill('35');
    await warning.waitFor();
    await save();

    await form().waitFor({ state: 'detached' });
    const summary = settings().getByTestId('settings-summary');
    expect(await summary.getByTestId('settings-capacity').textContent()).toBe('60 person-weeks per quarter, 35 % buffer (39 plannable)');
    expect(await summary.getByTestId('settings-buffer-warning').textContent()).toContain('A 35 % buffer is above the recommended 20–30 %');
    await openView(app(), 'capacity');
    const capacity = app().getByTestId('capacity-panel');
    expect(await capacity.getByTestId('capacity-buffer-setting').textContent()).toContain('A 35 % buffer is above the recommended 20–30 %');
    expect(await capacity.getByTestId('capacity-quarter').filter({ hasText: '(current)' }).locator('td').nth(2).textContent()).toBe('39');
    expect((await storedView()).capacity.bufferPercent).toBe(35);
  });

  it('shows the schema’s messages beside the inputs and writes nothing', async () => {
    await open('admin');
    const before = writes();
    await edit();
    await form().getByLabel('Buffer %').fill('150');
    await form().getByLabel('Quarters in Now').fill('9');
    await form().getByLabel('Review cadence (days)').fill('');
    await form().getByRole('button', { name: 'Add goal' }).click();
    await form().getByLabel('Metric 3', { exact: true }).fill('A metric without a goal');
    await save();

    await form().getByTestId('roadmap-settings-capacity-bufferPercent-error').waitFor();
    expect(await form().getByTestId('roadmap-settings-capacity-bufferPercent-error').textContent()).toMatch(/100/);
    expect(await form().getByTestId('roadmap-settings-horizonRules-nowQuarters-error').textContent()).toMatch(/4/);
    expect(await form().getByTestId('roadmap-settings-reviewCadenceDays-error').textContent()).toBe('Required');
    expect(await form().getByTestId('settings-goal-3-error').textContent()).toBe('Goal 3: Required');
    expect(await form().getByLabel('Buffer %').getAttribute('aria-invalid')).toBe('true');

    // Up to five goals, then "Add goal" is disabled.
    await form().getByRole('button', { name: 'Add goal' }).click();
    await form().getByRole('button', { name: 'Add goal' }).click();
    expect(await form().getByTestId('settings-goal-row').count()).toBe(5);
    expect(await form().getByRole('button', { name: 'Add goal' }).isDisabled()).toBe(true);
    await form().getByRole('button', { name: 'Remove goal 5' }).click();
    expect(await form().getByRole('button', { name: 'Add goal' }).isDisabled()).toBe(false);

    // Cancel with unsaved changes asks first.
    await form().getByRole('button', { name: 'Cancel' }).click();
    await form().getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
    expect(await form().count()).toBe(0);
    expect(writes()).toBe(before);
    expect((await storedView()).businessGoals).toHaveLength(2);
  });

  it('refuses to remove a goal an initiative still traces, with the server’s reason', async () => {
    await write('updateInitiative', { initiativeId: 'I-1', patch: { businessGoalIds: ['G-1'] } });
    await open('admin');
    const before = writes();
    await edit();
    expect(await form().getByLabel('Goal 1', { exact: true }).inputValue()).toBe('Cut infrastructure cost');
    await form().getByRole('button', { name: 'Remove goal 1' }).click();
    expect(await form().getByLabel('Goal 1', { exact: true }).inputValue()).toBe('Ship faster');
    await save();

    const error = form().getByTestId('settings-goals-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('A removed goal is still in use: A removed goal is still traced by "Upgrade Node.js to v22 LTS"; unlink it first');
    expect(writes()).toBe(before);
    expect((await storedView()).businessGoals.map((g) => g.id)).toEqual(['G-1', 'G-2']);

    // Renaming it instead is fine, and keeps its id (the initiative still traces it).
    await form().getByRole('button', { name: 'Cancel' }).click();
    await form().getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
    await edit();
    await form().getByLabel('Goal 1', { exact: true }).fill('Cut infrastructure cost by a fifth');
    await save();
    await settings().getByTestId('settings-goal').filter({ hasText: 'Cut infrastructure cost by a fifth' }).waitFor();
    expect((await storedView()).businessGoals.map((g) => [g.id, g.title])).toEqual([
      ['G-1', 'Cut infrastructure cost by a fifth'],
      ['G-2', 'Ship faster'],
    ]);
  });

  it('explains a conflicting save, rebases, and saves on the next try', async () => {
    await open('admin');
    await edit();
    await form().getByLabel('Review cadence (days)').fill('14');
    await form().getByLabel('Quarters in Now').fill('2');
    await form().getByLabel('Quarters in Next').fill('3');
    // Someone else saves first.
    await write('markReviewed', {});
    await save();

    // The form fetches the newest roadmap itself and rebases onto it: nothing it edits changed meanwhile.
    await form().getByTestId('merge-notice').filter({ hasText: 'Someone else saved first' }).waitFor();
    // The form kept what was typed.
    expect(await form().getByLabel('Review cadence (days)').inputValue()).toBe('14');
    await save();

    await form().waitFor({ state: 'detached' });
    const summary = settings().getByTestId('settings-summary');
    expect(await summary.getByTestId('settings-cadence').textContent()).toBe('Reviewed every 14 days');
    expect(await summary.getByTestId('settings-horizons').textContent()).toBe('Now = this quarter and the next, Next = the following 3 quarters');
    const stored = await storedView();
    expect(stored.reviewCadenceDays).toBe(14);
    expect(stored.horizonRules).toEqual({ nowQuarters: 2, nextQuarters: 3 });
  });

  it('shows a member the summary but no way to edit it', async () => {
    await open('member');
    const summary = settings().getByTestId('settings-summary');
    expect(await summary.getByTestId('settings-goal').count()).toBe(2);
    expect(await summary.getByTestId('settings-capacity').textContent()).toBe('60 person-weeks per quarter, 35 % buffer (39 plannable)');
    expect(await settings().getByRole('button', { name: 'Edit settings' }).count()).toBe(0);
    expect(await settings().getByRole('button').count()).toBe(0);
  });
});
