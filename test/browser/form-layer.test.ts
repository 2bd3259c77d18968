import { useBrowserSession } from './harness';

/**
 * The form layer in Chromium: Escape or Cancel with changes asks before discarding, without changes it just closes;
 * focus goes back to the control that opened the form; a server field error lands on the input of its payload path.
 */
describe('forms: discard, focus, errors by path', () => {
  const session = useBrowserSession();
  const app = () => session.app();
  const card = (title: string) => app().getByTestId('initiative-card').filter({ hasText: title });
  const editor = () => app().getByTestId('initiative-editor');
  const focusedLabel = () => session.page.frameLocator('#app-frame').locator(':focus').getAttribute('aria-label');
  const title = 'Centralize logging';
  const open = async () => {
    await session.page.goto(`${session.host.url}/jira/TR/roadmap?user=admin`);
    await card(title).waitFor();
  };

  it('Escape without changes closes the editor and gives focus back to Edit', async () => {
    await open();
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await editor().waitFor();
    await editor().getByLabel('Title', { exact: true }).press('Escape');
    await editor().waitFor({ state: 'detached' });
    expect(await app().getByTestId('discard-confirm').count()).toBe(0);
    await session.page.waitForFunction(() =>
      (document.querySelector('#app-frame') as HTMLIFrameElement).contentDocument?.activeElement?.getAttribute('aria-label')?.startsWith('Edit'),
    );
    expect(await focusedLabel()).toBe(`Edit “${title}”`);
  });

  it('Escape with changes asks "Discard your changes?"; Keep editing keeps them, Discard closes', async () => {
    await open();
    await card(title)
      .getByRole('button', { name: `Edit “${title}”` })
      .click();
    await editor().getByLabel('Goal', { exact: true }).fill('A goal typed and then regretted');
    await editor().getByLabel('Goal', { exact: true }).press('Escape');
    const confirm = editor().getByTestId('discard-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Discard your changes?');
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    expect(await editor().getByLabel('Goal', { exact: true }).inputValue()).toBe('A goal typed and then regretted');

    await editor().getByRole('button', { name: 'Cancel' }).click();
    await editor().getByTestId('discard-confirm').getByRole('button', { name: 'Discard' }).click();
    await editor().waitFor({ state: 'detached' });
    await session.page.waitForFunction(() =>
      (document.querySelector('#app-frame') as HTMLIFrameElement).contentDocument?.activeElement?.getAttribute('aria-label')?.startsWith('Edit'),
    );
    expect(await focusedLabel()).toBe(`Edit “${title}”`);
  });

  it('a server field error lands on the input of its path (to.targetQuarter); after the move, focus is back on Move', async () => {
    await open();
    const stored = await session.host.forge.deps.store.load('10000');
    const id = stored!.initiatives.find((i) => i.title === title)!.id;
    // The server's own answer for a quarter that is no quarter, through the real resolver.
    const answer = (await session.host.forge.invoke(
      'moveInitiative',
      { baseRevision: stored!.meta.revision, initiativeId: id, to: { targetQuarter: '2027-Q9' }, reason: 'Test' },
      { accountId: '557058:aaaa-admin', extension: { type: 'jira:projectPage', project: { id: '10000', key: 'TR' } } },
    )) as { ok: boolean; error?: { fields?: Record<string, string> } };
    expect(answer.ok).toBe(false);
    expect(Object.keys(answer.error?.fields ?? {})).toEqual(['to.targetQuarter']);

    await card(title)
      .getByRole('button', { name: `Move “${title}”` })
      .click();
    const form = app().getByTestId('move-form');
    await form.getByLabel('Target quarter').fill('2027-Q9');
    await form.getByLabel('Why is it moving?').fill('Testing');
    await form.getByRole('button', { name: 'Move initiative' }).click();
    const error = form.getByTestId(`move-${id}-to-targetQuarter-error`);
    await error.waitFor();
    expect(await error.textContent()).toBe(answer.error!.fields!['to.targetQuarter']);
    expect(await form.getByLabel('Target quarter').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Why is it moving?').getAttribute('aria-invalid')).toBeNull();

    await form.getByLabel('Target quarter').fill('Q3 2027');
    await form.getByRole('button', { name: 'Move initiative' }).click();
    await form.waitFor({ state: 'detached' });
    await session.page.waitForFunction(() =>
      (document.querySelector('#app-frame') as HTMLIFrameElement).contentDocument?.activeElement?.getAttribute('aria-label')?.startsWith('Move'),
    );
    expect(await focusedLabel()).toBe(`Move “${title}”`);
  });
});
