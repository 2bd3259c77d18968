import { openView, useBrowserSession } from './harness';

/**
 * The walking skeleton end to end: the built Custom UI in Chromium → the unchanged @forge/bridge → the host's
 * bridge → the real resolvers → @forge/kvs → the KVS emulator (SQLite) and the Jira fake.
 */
describe('browser slice', () => {
  const session = useBrowserSession();
  const app = () => session.app();

  it('adds an initiative on the project page; it survives a reload and a restart, and the epic’s side panel shows it', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await app().getByTestId('initiative-card').first().waitFor();
    expect(await app().getByTestId('initiative-card').count()).toBe(6);
    expect(await app().getByTestId('horizon-now').getByTestId('initiative-card').count()).toBe(2);

    // "Add initiative" in the page's header opens the dialog; every field is in it (the groups open on demand).
    await app().getByTestId('page-header').getByRole('button', { name: 'Add initiative' }).click();
    const dialog = app().getByRole('form', { name: 'New initiative' });
    await dialog.getByLabel('Title', { exact: true }).fill('Retire the legacy auth service');
    await dialog.getByLabel('Phase').selectOption({ label: 'Scale' });
    await dialog.getByLabel('Target quarter').fill('2027-Q1');
    await dialog.getByLabel('Goal', { exact: true }).fill('One identity provider for every service');
    await dialog.getByLabel('Success metric').fill('Zero logins through the legacy service');
    await dialog.getByLabel('Track').selectOption('security');
    await dialog.getByRole('button', { name: /^Epics/ }).click();
    await dialog.getByLabel('Epic keys').fill('TR-28');
    await dialog.getByRole('button', { name: 'Add initiative' }).click();

    const card = app().getByTestId('initiative-card').filter({ hasText: 'Retire the legacy auth service' });
    await card.waitFor();
    // Once it lands the dialog closes; the card is on the board.
    await dialog.waitFor({ state: 'detached' });
    expect(await app().getByTestId('horizon-next').getByText('Retire the legacy auth service').count()).toBe(1);

    await session.page.reload();
    await app().getByTestId('initiative-card').first().waitFor();
    expect(await app().getByTestId('initiative-card').count()).toBe(7);

    // Restart the host on the same data directory, as `npm start` would after Ctrl-C.
    await session.restartHost();
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=member`);
    await app().getByTestId('initiative-card').first().waitFor();
    expect(await app().getByTestId('initiative-card').filter({ hasText: 'Retire the legacy auth service' }).count()).toBe(1);

    await session.page.goto(`${session.host.url}/jira/browse/TR-28?user=member`);
    await app().getByTestId('linked-initiative-title').waitFor();
    expect(await app().getByTestId('linked-initiative-title').textContent()).toBe('Retire the legacy auth service');
    expect(await app().getByTestId('issue-panel').textContent()).toContain('Scale');
  });

  it('shows field errors for bad input and writes nothing', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await app().getByTestId('initiative-card').first().waitFor();
    const before = await app().getByTestId('initiative-card').count();
    const writesBefore = session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;

    await app().getByTestId('page-header').getByRole('button', { name: 'Add initiative' }).click();
    const dialog = app().getByRole('form', { name: 'New initiative' });
    await dialog.getByLabel('Target quarter').fill('someday');
    await dialog.getByRole('button', { name: 'Add initiative' }).click();
    await dialog.getByTestId('create-initiative-title-error').waitFor();
    expect(await dialog.getByTestId('create-initiative-title-error').textContent()).toContain('Required');
    expect(await dialog.getByTestId('create-initiative-targetQuarter-error').textContent()).toContain('Use a quarter like 2026-Q3');

    await dialog.getByLabel('Title', { exact: true }).fill('Has a title');
    await dialog.getByLabel('Target quarter').fill('2027-Q2');
    await dialog.getByLabel('Success metric').fill('Something measurable');
    await dialog.getByRole('button', { name: /^Epics/ }).click();
    await dialog.getByLabel('Epic keys').fill('TR-2');
    // Closed again: the server's answer about the key opens the group it belongs to.
    await dialog.getByRole('button', { name: /^Epics/ }).click();
    await dialog.getByRole('button', { name: 'Add initiative' }).click();
    await dialog.getByText(/TR-2 is a .*not an epic/).waitFor();
    expect(await dialog.getByRole('button', { name: /^Epics/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await dialog.getByLabel('Epic keys').getAttribute('aria-invalid')).toBe('true');

    expect(session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0).toBe(writesBefore);
    expect(await app().getByTestId('initiative-card').count()).toBe(before);
  });

  it('Escape in the new-initiative dialog asks before discarding what was typed; Discard closes it', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await app().getByTestId('initiative-card').first().waitFor();
    const writesBefore = session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0;
    await app().getByTestId('page-header').getByRole('button', { name: 'Add initiative' }).click();
    // Found by its name: while it asks, its buttons are Discard / Keep editing.
    const form = app().getByRole('form', { name: 'New initiative' });
    await form.getByLabel('Title', { exact: true }).fill('Half a thought');
    await form.getByLabel('Title', { exact: true }).press('Escape');
    await form.getByTestId('discard-confirm').getByRole('button', { name: 'Keep editing' }).click();
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('Half a thought');
    await form.getByLabel('Title', { exact: true }).press('Escape');
    await form.getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
    await form.waitFor({ state: 'detached' });
    expect(session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0).toBe(writesBefore);
    // Opened again, it starts empty; Escape with nothing typed just closes it.
    await app().getByTestId('page-header').getByRole('button', { name: 'Add initiative' }).click();
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe('');
    await form.getByLabel('Title', { exact: true }).press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  it('configures the Confluence macro and shows the chosen roadmap read-only', async () => {
    await session.configureMacro(7, 'TR', 'Now / Next / Later board');
    await app().getByTestId('horizon-now').waitFor();
    expect(await app().getByTestId('initiative-card').count()).toBeGreaterThanOrEqual(6);
    expect(await app().getByTestId('macro-view').getByRole('button').count()).toBe(0);
    expect(await app().getByLabel('Title').count()).toBe(0);
  });

  it('shows a Confluence reader who cannot browse the project nothing of its roadmap', async () => {
    await session.configureMacro(8, 'PAY', 'Executive one-pager');
    await app().getByTestId('macro-no-roadmap').waitFor();
    await session.page.goto(`${session.host.url}/confluence/pages/8?user=outsider`);
    await app().getByTestId('macro-unavailable').waitFor();
    expect(await app().getByText('Payments').count()).toBe(0);
    expect(await app().getByTestId('initiative-card').count()).toBe(0);
  });

  it('lets a project admin start a roadmap from the template; a member is told to ask an admin', async () => {
    await session.page.goto(`${session.host.url}/jira/PAY/roadmap?user=member`);
    await app().getByTestId('no-roadmap').waitFor();
    expect(await app().getByText('Ask a project admin').count()).toBe(1);
    expect(await app().getByRole('button').count()).toBe(0);

    await session.page.goto(`${session.host.url}/jira/PAY/roadmap?user=admin`);
    await app().getByRole('button', { name: 'Start with the template phases' }).click();
    await app().getByTestId('horizon-now').waitFor();
    expect(await app().getByTestId('initiative-card').count()).toBe(0);
    expect(await app().getByRole('button', { name: 'Add initiative' }).count()).toBe(1);
    await openView(app(), 'phases');
    await app().getByTestId('phase').first().waitFor();
    expect(await app().getByTestId('phase').count()).toBe(3);
  });
});
