import { DEMO_EPICS } from '../../dev/jira';
import type { ChangelogPage, Result } from '../../src/domain/api';
import { addQuarters, quarterLabel, quarterOf } from '../../src/domain/quarter';
import { openView, useBrowserSession } from './harness';

const PROJECT_ID = '10000';
const ADMIN = { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: { id: PROJECT_ID, key: 'TR' } } };

/**
 * Editing on the project page, in Chromium against the real resolvers on the local host, seeded with the demo
 * roadmap (Foundation / Scale / Velocity, two initiatives each). The tests share one host and run in order: each
 * starts from what the one before saved. Every form is scoped to its container (the editor is a dialog's form; the
 * delete confirm a dialog over it), so labels like Title or Phase never match another form's.
 */
describe('editing initiatives and phases', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });
  const editor = () => app().getByTestId('initiative-editor');
  const manager = () => app().getByTestId('phase-manager');
  const phase = (name: string) =>
    manager()
      .getByTestId('phase')
      .filter({ has: app().getByRole('heading', { name, exact: true }) });
  const newest = () => app().getByTestId('changelog').getByTestId('change-entry').first();
  const writes = () => session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
  const stored = async () => {
    const roadmap = await session.host.forge.deps.store.load(PROJECT_ID);
    if (!roadmap) throw new Error('No roadmap stored');
    return roadmap;
  };
  const storedInitiative = async (title: string) => (await stored()).initiatives.find((i) => i.title === title);
  async function newestChange() {
    const page = (await session.host.forge.invoke('getChangelog', { limit: 1 }, ADMIN)) as Result<ChangelogPage>;
    if (!page.ok) throw new Error(page.error.message);
    return page.value.changes[0];
  }
  const open = async (user: 'admin' | 'member' | 'outsider') => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=${user}`);
    await app().getByTestId('initiative-card').first().waitFor();
  };
  const edit = async (title: string) => {
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await editor().waitFor();
  };
  const save = () => editor().getByRole('button', { name: 'Save changes' }).click();
  const thisQuarter = quarterOf(new Date());

  it('edits effort, RICE and status as a member; only what changed is sent and capacity follows', async () => {
    await open('member');
    const logging = 'Centralize logging';
    expect((await storedInitiative(logging))?.effort).toBeNull();
    await edit(logging);
    // The editor starts from the stored values.
    expect(await editor().getByLabel('Title').inputValue()).toBe(logging);
    expect(await editor().getByLabel('Success metric').inputValue()).toBe('All services shipping logs to Datadog');
    expect(await editor().getByTestId('rice-score-value').textContent()).toBe('—');
    // No business goals yet: the editor says where they come from.
    expect(
      await editor()
        .getByText(/No business goals yet/)
        .textContent(),
    ).toContain('in Settings');

    await editor().getByLabel('Reach').fill('500');
    await editor().getByLabel('Impact').selectOption({ label: 'High (2)' });
    await editor().getByLabel('Confidence').fill('80');
    // One effort: RICE divides by the initiative's Effort, so it waits for it.
    expect(await editor().getByTestId('rice-score').textContent()).toContain('Needs Effort');
    await editor().getByLabel('Effort', { exact: true }).fill('4');
    // 500 × 2 × 0.8 ÷ 4, live.
    expect(await editor().getByTestId('rice-score-value').textContent()).toBe('200');
    await editor().getByLabel('Status').selectOption({ label: 'In progress' });
    // Nothing moves, so no reason is asked for.
    expect(await editor().getByLabel('Why is it moving?').count()).toBe(0);
    await save();

    await editor().waitFor({ state: 'detached' });
    await openView(app(), 'changelog');
    await newest()
      .getByTestId('change-summary')
      .filter({ hasText: `Updated "${logging}"` })
      .waitFor();
    const saved = await storedInitiative(logging);
    expect(saved?.effort).toBe(4);
    expect(saved?.rice).toEqual({ reach: 500, impact: 2, confidence: 80, effort: 4 });
    expect(saved?.status).toBe('in-progress');
    // The template started it in progress: the status was not sent, only the two fields that changed.
    expect((await newestChange()).diffs.map((d) => d.field).sort()).toEqual(['effort', 'rice']);

    // Committed for its quarter (this one) now includes the 4; the other initiative there has no estimate.
    await openView(app(), 'capacity');
    const row = app().getByTestId('capacity-panel').locator(`[data-testid="capacity-quarter"][data-quarter="${thisQuarter}"]`);
    expect(await row.locator('td').first().textContent()).toBe('4');
    await openView(app(), 'board');
    expect(
      await card(logging)
        .getByRole('button', { name: `Edit “${logging}”` })
        .count(),
    ).toBe(1);
  });

  it('lists linked epics by key; unlinks one and links another by key, mapping a bad key beside the input', async () => {
    await open('member');
    const logging = 'Centralize logging';
    const own = DEMO_EPICS.find((e) => e.summary === logging)!;
    const tracing = DEMO_EPICS.find((e) => e.summary === 'Introduce distributed tracing with OpenTelemetry')!;
    const before = writes();
    await edit(logging);
    const linked = editor().getByTestId('linked-epic');
    // Keys and summaries come from Jira (getProgress) once it answers.
    await linked.filter({ hasText: own.key }).waitFor();
    expect(await linked.allTextContents()).toEqual([`${own.key} ${logging}Remove`]);

    await editor().getByLabel('Add epic keys').fill('TR-2');
    await save();
    const error = editor().getByTestId('edit-I-2-epicKeys-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^TR-2 is a .*, not an epic$/);
    expect(await editor().getByLabel('Add epic keys').getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toBe(before);

    await editor()
      .getByRole('button', { name: `Remove epic ${own.key}` })
      .click();
    expect(await linked.getAttribute('data-removed')).toBe('true');
    expect(await linked.textContent()).toContain('unlinked on save');
    await editor().getByLabel('Add epic keys').fill(tracing.key.toLowerCase());
    await save();
    await editor().waitFor({ state: 'detached' });
    await openView(app(), 'changelog');
    await newest()
      .getByTestId('change-summary')
      .filter({ hasText: `Updated "${logging}"` })
      .waitFor();
    expect((await storedInitiative(logging))?.epicIds).toEqual([tracing.id]);
    await openView(app(), 'board');
    expect(await card(logging).getByTestId('epic-count').textContent()).toContain('1 linked epic');
    expect((await newestChange()).diffs.map((d) => d.field)).toEqual(['epicIds']);
  });

  it('asks why an initiative moves quarter; with a reason it moves columns and the changelog shows why', async () => {
    await open('member');
    const logging = 'Centralize logging';
    const nextQuarter = addQuarters(thisQuarter, 1);
    expect(await app().getByTestId('horizon-now').getByText(logging).count()).toBe(1);
    const before = writes();
    await edit(logging);
    await editor().getByLabel('Target quarter').fill(nextQuarter);
    const reason = editor().getByLabel('Why is it moving?');
    await reason.waitFor();
    await save();
    const reasonError = editor().getByTestId('edit-I-2-reason-error');
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toBe('Say why it moves');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(writes()).toBe(before);

    await reason.fill('Datadog contract starts next quarter');
    await save();
    await app().getByTestId('horizon-next').getByTestId('initiative-card').filter({ hasText: logging }).waitFor();
    expect(await app().getByTestId('horizon-now').getByText(logging).count()).toBe(0);
    expect(await card(logging).textContent()).toContain(quarterLabel(nextQuarter));
    await openView(app(), 'changelog');
    await newest()
      .getByTestId('change-summary')
      .filter({ hasText: `Moved "${logging}"` })
      .waitFor();
    expect(await newest().getByTestId('change-reason').textContent()).toBe('Why: Datadog contract starts next quarter');
    expect((await storedInitiative(logging))?.targetQuarter).toBe(nextQuarter);
  });

  it('deletes an initiative from the editor after a confirm dialog over it; its card is gone', async () => {
    await open('member');
    const cdn = 'Implement CDN for static assets';
    const count = await app().getByTestId('initiative-card').count();
    await edit(cdn);
    await editor().getByRole('button', { name: 'Delete initiative' }).click();
    // The confirm is a dialog of its own over the editor; "Keep it" goes back to the editor.
    const confirm = app().getByTestId('delete-initiative-confirm');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await editor().isVisible()).toBe(true);
    await editor().getByRole('button', { name: 'Delete initiative' }).click();
    await confirm.waitFor();
    // Escape closes only the dialog on top.
    await confirm.getByLabel('Why delete it? (optional)').press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await editor().isVisible()).toBe(true);
    await editor().getByRole('button', { name: 'Delete initiative' }).click();
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('linked epic is unlinked');
    await confirm.getByLabel('Why delete it? (optional)').fill('Covered by the platform team’s CDN');
    await confirm.getByRole('button', { name: 'Delete initiative' }).click();

    await card(cdn).waitFor({ state: 'detached' });
    // Both dialogs closed.
    expect(await editor().count()).toBe(0);
    expect(await confirm.count()).toBe(0);
    expect(await app().getByTestId('initiative-card').count()).toBe(count - 1);
    expect(await app().getByTestId('phase-initiative').filter({ hasText: cdn }).count()).toBe(0);
    expect(await storedInitiative(cdn)).toBeUndefined();
    await openView(app(), 'changelog');
    await newest()
      .getByTestId('change-summary')
      .filter({ hasText: `Deleted initiative "${cdn}"` })
      .waitFor();
    expect(await newest().getByTestId('change-reason').textContent()).toBe('Why: Covered by the platform team’s CDN');
  });

  it('adds a phase, moves it up, renames it and deletes it while empty', async () => {
    await open('member');
    await openView(app(), 'phases');
    const names = () => manager().getByTestId('phase').locator('h3').allTextContents();
    expect(await names()).toEqual(['Foundation', 'Scale', 'Velocity']);

    await manager().getByRole('button', { name: 'Add phase' }).click();
    const form = manager().getByTestId('phase-form');
    await form.getByLabel('Name').fill('Resilience');
    await form.getByLabel('Theme').fill('Survive the bad day');
    await form.getByRole('button', { name: 'Add phase' }).click();
    await phase('Resilience').waitFor();
    expect(await names()).toEqual(['Foundation', 'Scale', 'Velocity', 'Resilience']);
    expect(await phase('Resilience').textContent()).toContain('Survive the bad day');
    expect(await phase('Resilience').getByRole('button', { name: 'Move “Resilience” down' }).isDisabled()).toBe(true);

    await phase('Resilience').getByRole('button', { name: 'Move “Resilience” up' }).click();
    await manager().getByTestId('phase').nth(2).filter({ hasText: 'Resilience' }).waitFor();
    expect(await names()).toEqual(['Foundation', 'Scale', 'Resilience', 'Velocity']);
    expect((await stored()).meta.phases.find((p) => p.name === 'Resilience')?.order).toBe(2);

    await phase('Resilience').getByRole('button', { name: 'Edit “Resilience”' }).click();
    const editForm = phase('Resilience').getByTestId('phase-form');
    expect(await editForm.getByLabel('Name').inputValue()).toBe('Resilience');
    // A name already in use is refused by the server, beside the input.
    await editForm.getByLabel('Name').fill('scale');
    await editForm.getByRole('button', { name: 'Save phase' }).click();
    await editForm.getByText('Name already used').waitFor();
    await editForm.getByLabel('Name').fill('Resilience engineering');
    await editForm.getByRole('button', { name: 'Save phase' }).click();
    await phase('Resilience engineering').waitFor();
    expect(await names()).toEqual(['Foundation', 'Scale', 'Resilience engineering', 'Velocity']);

    await phase('Resilience engineering').getByRole('button', { name: 'Delete “Resilience engineering”' }).click();
    const confirm = phase('Resilience engineering').getByTestId('phase-delete-confirm');
    expect(await confirm.textContent()).toContain('It has no initiatives');
    expect(await confirm.getByLabel('Move its initiatives to').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Delete phase' }).click();
    await phase('Resilience engineering').waitFor({ state: 'detached' });
    expect(await names()).toEqual(['Foundation', 'Scale', 'Velocity']);
    expect((await stored()).meta.phases.map((p) => p.name)).toEqual(['Foundation', 'Scale', 'Velocity']);
  });

  it('deletes a phase with initiatives only once it knows where they go and why', async () => {
    await open('member');
    const moved = ['Adopt feature flags', 'Parallelize CI pipeline'];
    await openView(app(), 'phases');
    const before = writes();
    await phase('Velocity').getByRole('button', { name: 'Delete “Velocity”' }).click();
    const confirm = phase('Velocity').getByTestId('phase-delete-confirm');
    expect(await confirm.textContent()).toContain('Its 2 initiatives move');
    await confirm.getByRole('button', { name: 'Delete phase' }).click();
    await confirm.getByText('Choose where its initiatives go').waitFor();
    await confirm.getByLabel('Move its initiatives to').selectOption({ label: 'Scale' });
    await confirm.getByRole('button', { name: 'Delete phase' }).click();
    await confirm.getByText('Say why they move').waitFor();
    expect(writes()).toBe(before);

    await confirm.getByLabel('Why are they moving?').fill('Velocity work folds into scaling');
    await confirm.getByRole('button', { name: 'Delete phase' }).click();
    await phase('Velocity').waitFor({ state: 'detached' });
    expect(await manager().getByTestId('phase').locator('h3').allTextContents()).toEqual(['Foundation', 'Scale']);
    for (const title of moved) expect(await phase('Scale').getByTestId('phase-initiative').filter({ hasText: title }).count()).toBe(1);
    const scale = (await stored()).meta.phases.find((p) => p.name === 'Scale')!;
    for (const title of moved) expect((await storedInitiative(title))?.phaseId).toBe(scale.id);
    await openView(app(), 'board');
    for (const title of moved) expect(await card(title).textContent()).toContain('Scale ·');
    await openView(app(), 'changelog');
    await newest().getByTestId('change-summary').filter({ hasText: 'Deleted phase "Velocity"' }).waitFor();
    expect(await newest().getByTestId('change-reason').textContent()).toBe('Why: Velocity work folds into scaling');
  });

  it('the phase form asks before discarding what was typed; afterwards focus is back on the phase’s Edit', async () => {
    await open('member');
    await openView(app(), 'phases');
    const before = writes();
    await phase('Scale').getByRole('button', { name: 'Edit “Scale”' }).click();
    const form = phase('Scale').getByTestId('phase-form');
    // The form opens with its first input focused.
    expect(await form.getByLabel('Name').evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel('Theme').fill('Typed and then regretted');
    await form.getByLabel('Theme').press('Escape');
    const confirm = form.getByTestId('discard-confirm');
    expect(await confirm.textContent()).toContain('Discard your changes?');
    await confirm.getByRole('button', { name: 'Discard' }).click();
    await form.waitFor({ state: 'detached' });
    await session.page.waitForFunction(() =>
      (document.querySelector('#app-frame') as HTMLIFrameElement).contentDocument?.activeElement?.getAttribute('aria-label')?.startsWith('Edit'),
    );
    expect(await session.page.frameLocator('#app-frame').locator(':focus').getAttribute('aria-label')).toBe('Edit “Scale”');
    expect(writes()).toBe(before);
  });

  it('shows an outsider (browse, no edit) the phases and cards but no Edit or phase controls', async () => {
    await open('outsider');
    expect(await app().getByTestId('initiative-card').count()).toBe(5);
    expect(await app().getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(
      await app()
        .getByRole('button', { name: /^(Move|Delete)/ })
        .count(),
    ).toBe(0);
    await openView(app(), 'phases');
    await app().getByTestId('phase').first().waitFor();
    expect(await app().getByTestId('phase').count()).toBe(2);
    expect(await app().getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    expect(
      await app()
        .getByRole('button', { name: /^(Move|Delete)/ })
        .count(),
    ).toBe(0);
    expect(await app().getByRole('button', { name: 'Add phase' }).count()).toBe(0);
    expect(await app().getByTestId('phase-manager').count()).toBe(0);
    expect(await app().getByTestId('initiative-editor').count()).toBe(0);
  });
});
