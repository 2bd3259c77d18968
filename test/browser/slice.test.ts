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

    await app().getByLabel('Title').fill('Retire the legacy auth service');
    await app().getByLabel('Phase').selectOption({ label: 'Scale' });
    await app().getByLabel('Target quarter').fill('2027-Q1');
    await app().getByLabel('Goal').fill('One identity provider for every service');
    await app().getByLabel('Success metric').fill('Zero logins through the legacy service');
    await app().getByLabel('Track').selectOption('security');
    await app().getByLabel('Epic keys').fill('TR-28');
    await app().getByRole('button', { name: 'Add initiative' }).click();

    const card = app().getByTestId('initiative-card').filter({ hasText: 'Retire the legacy auth service' });
    await card.waitFor();
    // The form says what it added and empties, keeping the target quarter and track for the next one.
    expect(await app().getByTestId('create-success').textContent()).toContain('Retire the legacy auth service');
    expect(await app().getByLabel('Title').inputValue()).toBe('');
    expect(await app().getByLabel('Target quarter').inputValue()).toBe('2027-Q1');
    expect(await app().getByLabel('Track').inputValue()).toBe('security');
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

    await app().getByLabel('Title').fill('');
    await app().getByLabel('Target quarter').fill('someday');
    await app().getByRole('button', { name: 'Add initiative' }).click();
    await app().getByTestId('add-initiative-title-error').waitFor();
    expect(await app().getByTestId('add-initiative-title-error').textContent()).toContain('Required');

    await app().getByLabel('Title').fill('Has a title');
    await app().getByLabel('Target quarter').fill('2027-Q2');
    await app().getByLabel('Success metric').fill('Something measurable');
    await app().getByLabel('Epic keys').fill('TR-2');
    await app().getByRole('button', { name: 'Add initiative' }).click();
    await app()
      .getByText(/TR-2 is a .*not an epic/)
      .waitFor();

    expect(session.host.forge.kvs.stats.calls['/api/v1/transaction'] ?? 0).toBe(writesBefore);
    expect(await app().getByTestId('initiative-card').count()).toBe(before);
  });

  it('Escape on the new-initiative form asks before emptying it; Discard empties it and the form stays', async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await app().getByTestId('initiative-card').first().waitFor();
    // Found by its name: while it asks, its buttons are Discard / Keep editing.
    const form = app().getByRole('form', { name: 'New initiative' });
    await form.getByLabel('Title').fill('Half a thought');
    await form.getByLabel('Title').press('Escape');
    await form.getByTestId('discard-confirm').getByRole('button', { name: 'Keep editing' }).click();
    expect(await form.getByLabel('Title').inputValue()).toBe('Half a thought');
    await form.getByLabel('Title').press('Escape');
    await form.getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
    expect(await form.getByLabel('Title').inputValue()).toBe('');
    expect(await form.getByTestId('discard-confirm').count()).toBe(0);
    expect(await form.getByRole('button', { name: 'Add initiative' }).count()).toBe(1);
  });

  it('configures the Confluence macro and shows the chosen roadmap read-only', async () => {
    await session.configureMacro(7, 'TR', 'Engineering');
    await app().getByTestId('horizon-now').waitFor();
    expect(await app().getByTestId('initiative-card').count()).toBeGreaterThanOrEqual(6);
    expect(await app().getByTestId('macro-view').getByRole('button').count()).toBe(0);
    expect(await app().getByLabel('Title').count()).toBe(0);
  });

  it('shows a Confluence reader who cannot browse the project nothing of its roadmap', async () => {
    await session.configureMacro(8, 'PAY', 'Executive');
    await app().getByTestId('empty-roadmap').waitFor();
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
